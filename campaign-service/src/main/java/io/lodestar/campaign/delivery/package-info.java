/**
 * Delivery rules of a campaign message for one customer, as pure Java (no Quarkus, no database) so the dispatcher can
 * call them per customer at thousands of customers per second and tests can pin every rule with hand-computed cases.
 *
 * <ul>
 *   <li>{@link io.lodestar.campaign.delivery.SendWindow}: the local hours a customer may receive marketing, and when
 *       they next open (DST gaps and overlaps included);</li>
 *   <li>{@link io.lodestar.campaign.delivery.FrequencyCaps} over {@link io.lodestar.campaign.delivery.SentCounts}:
 *       how many messages a customer may receive per channel and in total, per local day and ISO week;</li>
 *   <li>{@link io.lodestar.campaign.delivery.DeliveryPolicy}: consent, window and caps combined into one
 *       {@link io.lodestar.campaign.delivery.DeliveryDecision} (send now, hold until the window opens, or skip);</li>
 *   <li>{@link io.lodestar.campaign.delivery.ChannelPacer}: the per-channel send rate the gateways accept.</li>
 * </ul>
 *
 * <p>All types are immutable and thread-safe, except that {@code ChannelPacer} is shared mutable state made safe
 * with atomics. The hot paths avoid streams, regular expressions and per-call collections.
 */
package io.lodestar.campaign.delivery;
