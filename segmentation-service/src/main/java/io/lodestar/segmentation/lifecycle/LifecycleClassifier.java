package io.lodestar.segmentation.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Assigns lifecycle stages and flags as of an instant. Stateless apart from its {@link LifecycleConfig}; thread-safe.
 *
 * <p>With {@code recency} the days since the last paid order, {@code age} the days since the first, all in {@link
 * WholeDays} as of {@code asOf}, the first rule that matches decides the stage:
 * <ol>
 * <li>no paid order: {@code prospect};</li>
 * <li>{@code recency ≥ lapsedAfterDays}: {@code lapsed};</li>
 * <li>{@code recency ≥ atRiskAfterDays}: {@code at_risk} (90: the day the last order turns 90 days old);</li>
 * <li>{@code age < newWithinDays}: {@code new};</li>
 * <li>the latest <em>return</em> is less than {@code wonBackWithinDays} days old: {@code won_back}. A return is a paid
 * order that came at least {@code atRiskAfterDays} whole days after the order before it, that is an order that a run
 * made at that instant, not yet counting it, would have found at risk. Further orders after the return do not end the
 * won-back window; a customer who drifts away again becomes at risk by rule 3;</li>
 * <li>otherwise {@code active}.</li>
 * </ol>
 * Because the configuration keeps {@code newWithinDays} and {@code wonBackWithinDays} at most {@code atRiskAfterDays},
 * rules 4 and 5 can only match customers with recent orders, and a return (whose previous order is at least {@code
 * atRiskAfterDays} old) is never within a new customer's first days: the order above only matters for the reading.
 *
 * <p>Flags: {@code new_customer_churn_risk} for exactly one paid order with {@code age ≥ newCustomerChurnRiskAfterDays};
 * {@code high_potential} when the first order value reaches the population's {@link HighPotentialCut}.
 */
public final class LifecycleClassifier {

    private final LifecycleConfig config;

    public LifecycleClassifier(LifecycleConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** A classifier with {@link LifecycleConfig#DEFAULT}. */
    public LifecycleClassifier() {
        this(LifecycleConfig.DEFAULT);
    }

    public LifecycleConfig config() {
        return config;
    }

    /**
     * Classifies a whole population as of {@code asOf}, computing the high-potential cut over it. The results are in
     * input order.
     *
     * @throws IllegalArgumentException for a duplicate customerId or a history with an order after {@code asOf}
     */
    public List<LifecycleAssessment> classifyAll(List<OrderHistory> population, Instant asOf) {
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(asOf, "asOf");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < population.size(); i++) {
            OrderHistory history = population.get(i);
            if (history == null) {
                throw new IllegalArgumentException("population[" + i + "] must not be null");
            }
            if (!seen.add(history.customerId())) {
                throw new IllegalArgumentException("customerId " + history.customerId()
                        + " appears more than once; each customer is classified once per run");
            }
        }
        HighPotentialCut cut = HighPotentialCut.of(population, asOf, config);
        List<LifecycleAssessment> assessments = new ArrayList<>(population.size());
        for (OrderHistory history : population) {
            assessments.add(classify(history, asOf, cut));
        }
        return assessments;
    }

    /**
     * Classifies one customer, for instance after an order event, against a cut computed by the latest population run.
     *
     * @throws IllegalArgumentException for a history with an order after {@code asOf}
     */
    public LifecycleAssessment classify(OrderHistory history, Instant asOf, HighPotentialCut cut) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(cut, "cut");
        String customerId = history.customerId();
        if (!history.hasPaid()) {
            return new LifecycleAssessment(customerId, LifecycleStage.PROSPECT, "no paid order yet", Map.of());
        }
        requireAsOf(history, asOf);
        List<Instant> paidAt = history.paidAt();
        Instant first = paidAt.get(0);
        Instant last = paidAt.get(paidAt.size() - 1);
        long recency = WholeDays.between(last, asOf);
        long age = WholeDays.between(first, asOf);

        Map<LifecycleFlag, String> flags = new EnumMap<>(LifecycleFlag.class);
        if (history.paidOrders() == 1 && age >= config.newCustomerChurnRiskAfterDays()) {
            flags.put(LifecycleFlag.NEW_CUSTOMER_CHURN_RISK, "one paid order, " + age + " days ago, and no second order"
                    + " (threshold " + config.newCustomerChurnRiskAfterDays() + ")");
        }
        if (cut.includes(history.firstOrderValue())) {
            flags.put(LifecycleFlag.HIGH_POTENTIAL, "first order value " + history.firstOrderValue().toPlainString()
                    + " is in the top " + cut.topPercent() + "% of first orders (cut "
                    + cut.cut().orElseThrow().toPlainString() + " over " + cut.buyers() + " buyers)");
        }
        return stage(customerId, paidAt, recency, age, asOf, flags);
    }

    private LifecycleAssessment stage(String customerId, List<Instant> paidAt, long recency, long age, Instant asOf,
            Map<LifecycleFlag, String> flags) {
        if (recency >= config.lapsedAfterDays()) {
            return new LifecycleAssessment(customerId, LifecycleStage.LAPSED,
                    "no paid order for " + recency + " days (lapsed from " + config.lapsedAfterDays() + ")", flags);
        }
        if (recency >= config.atRiskAfterDays()) {
            return new LifecycleAssessment(customerId, LifecycleStage.AT_RISK,
                    "no paid order for " + recency + " days (threshold " + config.atRiskAfterDays() + ")", flags);
        }
        if (age < config.newWithinDays()) {
            return new LifecycleAssessment(customerId, LifecycleStage.NEW,
                    "first paid order " + age + " days ago (new for " + config.newWithinDays() + " days)", flags);
        }
        // Walk back through the orders still inside the won-back window; an older return cannot make the customer won back.
        for (int i = paidAt.size() - 1; i > 0; i--) {
            long sinceOrder = WholeDays.between(paidAt.get(i), asOf);
            if (sinceOrder >= config.wonBackWithinDays()) {
                break;
            }
            long gap = WholeDays.between(paidAt.get(i - 1), paidAt.get(i));
            if (gap >= config.atRiskAfterDays()) {
                return new LifecycleAssessment(customerId, LifecycleStage.WON_BACK, "paid again " + sinceOrder
                        + " days ago after " + gap + " days without a paid order (won back for "
                        + config.wonBackWithinDays() + " days)", flags);
            }
        }
        return new LifecycleAssessment(customerId, LifecycleStage.ACTIVE,
                "last paid order " + recency + " days ago (at risk from " + config.atRiskAfterDays() + ")", flags);
    }

    static void requireAsOf(OrderHistory history, Instant asOf) {
        Instant last = history.paidAt().get(history.paidAt().size() - 1);
        if (last.isAfter(asOf)) {
            throw new IllegalArgumentException("customer " + history.customerId() + " has a paid order at " + last
                    + ", after asOf " + asOf + "; histories must be taken as of the instant they are classified at"
                    + " (OrderHistory.asOf leaves later orders out)");
        }
    }
}
