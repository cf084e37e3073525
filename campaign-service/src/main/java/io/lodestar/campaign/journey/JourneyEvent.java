package io.lodestar.campaign.journey;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a customer can do that a journey reacts to: a {@link JourneyStep.WaitFor} awaits one, {@link
 * JourneyDefinition#exitOn()} ends the journey on one, and a trigger's {@link JourneyTrigger#cancelledBy()} withdraws
 * a pending entry on one. A journey event is coarser than the facts it comes from: the runner maps an
 * {@code OrderPaid} event to {@link #ORDER_PAID}, a behaviour or message feedback to the others.
 *
 * <p>The wire names ({@code order_paid}) are also what the runner stores in {@code journey_instance.events}; read
 * them with {@link io.lodestar.contracts.WireNames}.
 */
public enum JourneyEvent {
    /** The customer paid an order (any order, from any channel). */
    @JsonProperty("order_paid") ORDER_PAID,
    /** The customer opened a message this journey sent. */
    @JsonProperty("message_opened") MESSAGE_OPENED,
    /** The customer clicked a message this journey sent. */
    @JsonProperty("message_clicked") MESSAGE_CLICKED,
    /** The customer put an item into the cart. */
    @JsonProperty("added_to_cart") ADDED_TO_CART
}
