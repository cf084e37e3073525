/**
 * Customer analytics for operators: read-only SQL over the facts segmentation already keeps ({@code paid_order},
 * {@code paid_order_category}, {@code order_refund}, {@code customer_attributes}).
 *
 * <ul>
 *   <li>value concentration: the Lorenz table of net revenue over customers, the share of customers that brings 50% and
 *       80% of revenue, and the Gini coefficient;</li>
 *   <li>repurchase cycle: days between consecutive paid orders of a customer, overall, per category and per age band;</li>
 *   <li>cohorts: monthly first-purchase cohorts and the share of each that paid again in each later month;</li>
 *   <li>traffic, site funnel, conversion paths and touchpoint heatmap ({@code Traffic*}, {@code Funnel*}, {@code Paths*},
 *       {@code Heatmap*}): aggregates of their own ({@code V7__traffic_funnel_heatmap.sql}, unique-visitor HyperLogLogs in
 *       Redis) that {@link io.lodestar.segmentation.messaging.TrafficConsumer} keeps from Kafka batches, anonymous
 *       visitors included.</li>
 * </ul>
 *
 * Every figure is computed as of an explicit instant (or, for cohorts, over whole UTC months), so the same facts give the
 * same answer. Guest orders are never stored by segmentation and erased customers are deleted from the facts, so
 * neither can appear here.
 */
package io.lodestar.segmentation.analytics;
