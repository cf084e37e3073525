/**
 * Customer analytics for operators: read-only SQL over the facts segmentation already keeps ({@code paid_order},
 * {@code paid_order_category}, {@code order_refund}, {@code customer_attributes}).
 *
 * <ul>
 *   <li>value concentration: the Lorenz table of net revenue over customers, the share of customers that brings 50% and
 *       80% of revenue, and the Gini coefficient;</li>
 *   <li>repurchase cycle: days between consecutive paid orders of a customer, overall, per category and per age band;</li>
 *   <li>cohorts: monthly first-purchase cohorts and the share of each that paid again in each later month.</li>
 * </ul>
 *
 * Every figure is computed as of an explicit instant (or, for cohorts, over whole UTC months), so the same facts give the
 * same answer. Guest orders are never stored by segmentation and erased customers are deleted from the facts, so
 * neither can appear here.
 */
package io.lodestar.segmentation.analytics;
