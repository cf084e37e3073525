/**
 * The condition language of rule segments: typed condition trees ({@link io.lodestar.segmentation.rule.Condition}, a
 * sealed interface of records) with two evaluators per condition type that select the same customers — in memory for
 * one customer ({@code matches}, over {@link io.lodestar.segmentation.rule.CustomerFacts}) and in SQL for the whole
 * population ({@code toSql}, a WHERE fragment over {@code customer_feature_view f} with bind parameters).
 *
 * <p>Entry points: {@link io.lodestar.segmentation.rule.ConditionCodec} (JSON in and out, with schema validation),
 * {@link io.lodestar.segmentation.rule.SegmentReferences} (unknown segments and cycles),
 * {@link io.lodestar.segmentation.rule.RuleSegmentQuery} (members, count, sample, pages) and
 * {@link io.lodestar.segmentation.rule.CustomerFactsLoader} (one customer's facts).
 *
 * <h2>Semantics both paths share</h2>
 * <ul>
 *   <li><b>The evaluation instant is explicit.</b> Every time-relative value is computed from {@code asOf}, which SQL
 *       receives as a parameter (never {@code now()}); both contexts truncate it to microseconds, PostgreSQL's
 *       precision. Ages use the UTC date of {@code asOf}.</li>
 *   <li><b>Two-valued logic.</b> Every condition's SQL is TRUE or FALSE, never NULL (comparisons are wrapped in
 *       {@code COALESCE(…, FALSE)}), so {@link io.lodestar.segmentation.rule.Not} is the exact complement in both paths
 *       and SQL's three-valued logic never shows.</li>
 *   <li><b>Missing values.</b> A value is missing when the customer has none (no profile snapshot, a null column, no
 *       orders yet for the average order value or the days since an order, no score in the RFM model, no assignment)
 *       or one the contracts do not know. A missing value is never {@code in} a list and fails every numeric comparison;
 *       {@code not_in} and {@code ne}, being the negations of {@code in} and {@code eq}, therefore match it.
 *       {@code is_set} means "has a known value". A missing churn probability is below any threshold.</li>
 *   <li><b>Windows.</b> "Within the last N days" is the closed interval {@code [asOf − N × 24 h, asOf]}: an event exactly
 *       N days old counts, one after {@code asOf} does not ({@link io.lodestar.segmentation.rule.TimeWindow}).</li>
 *   <li><b>Whole days</b> since an order are rounded down (floor, so an order after {@code asOf} is −1 days, not 0).</li>
 *   <li><b>Numbers</b> compare by value; thresholds are exact decimals, and lifetime features are the view's own columns
 *       (its rounding of averages and shares), which {@link io.lodestar.segmentation.rule.CustomerFacts} carries as read.
 *       The churn probability, a {@code double precision} column, compares as a double in both paths.</li>
 *   <li><b>Segment references</b> are inlined: the referenced tree is evaluated for the same customer and instant.</li>
 *   <li><b>The population</b> is the customers with a row in {@code customer_feature_view}; a profile without any
 *       order or event is in no rule segment.</li>
 * </ul>
 */
package io.lodestar.segmentation.rule;
