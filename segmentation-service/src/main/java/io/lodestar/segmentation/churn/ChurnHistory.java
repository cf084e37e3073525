package io.lodestar.segmentation.churn;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.lodestar.contracts.behaviour.BehaviourType;

/**
 * Every customer's paid orders and behaviour events up to {@link #historyEnd()}, indexed for features at any cutoff: per
 * customer the order times sorted, running spend totals, and the event times per behaviour type, so a feature or a label
 * at any instant is a few binary searches. Built once per run and read for the training cutoff, the holdout cutoff and
 * the scoring instant alike.
 *
 * <p>{@code historyEnd} is the instant up to which the data are complete (the run's "now"). It is what makes a label
 * trustworthy: "no paid order in (T, T + 90 days]" is only known when {@code T + 90 days ≤ historyEnd}.
 *
 * <p>Memory is roughly 100 bytes per paid order (its {@code Instant} and running-total {@code BigDecimal}) and 30 per
 * behaviour event, so a run loads what the model needs and no more. Customers are kept in customerId order, which fixes
 * the row order of every feature matrix and score list.
 */
public final class ChurnHistory {

    private final Instant historyEnd;
    private final List<String> customerIds;
    private final CustomerEvents[] customers;

    private ChurnHistory(Instant historyEnd, List<String> customerIds, CustomerEvents[] customers) {
        this.historyEnd = historyEnd;
        this.customerIds = customerIds;
        this.customers = customers;
    }

    /**
     * @param orders     paid orders of any customers, in any order
     * @param behaviour  behaviour events, in any order; empty when the model uses purchases only
     * @param historyEnd the instant the data are complete up to
     * @throws IllegalArgumentException for an event after {@code historyEnd} (the data and the run disagree on "now")
     */
    public static ChurnHistory of(Collection<PaidOrderEvent> orders, Collection<BehaviourEvent> behaviour,
            Instant historyEnd) {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(historyEnd, "historyEnd");
        Map<String, List<PaidOrderEvent>> ordersByCustomer = new TreeMap<>();
        for (PaidOrderEvent order : orders) {
            Objects.requireNonNull(order, "orders contain null");
            if (order.paidAt().isAfter(historyEnd)) {
                throw new IllegalArgumentException("an order of customer " + order.customerId() + " was paid at "
                        + order.paidAt() + ", after the end of the history " + historyEnd);
            }
            ordersByCustomer.computeIfAbsent(order.customerId(), id -> new ArrayList<>()).add(order);
        }
        Map<String, Map<BehaviourType, List<Instant>>> behaviourByCustomer = new TreeMap<>();
        for (BehaviourEvent event : behaviour) {
            Objects.requireNonNull(event, "behaviour contains null");
            if (event.occurredAt().isAfter(historyEnd)) {
                throw new IllegalArgumentException("a " + event.type() + " event of customer " + event.customerId()
                        + " occurred at " + event.occurredAt() + ", after the end of the history " + historyEnd);
            }
            behaviourByCustomer.computeIfAbsent(event.customerId(), id -> new EnumMap<>(BehaviourType.class))
                    .computeIfAbsent(event.type(), type -> new ArrayList<>()).add(event.occurredAt());
        }

        TreeMap<String, CustomerEvents> all = new TreeMap<>();
        for (Map.Entry<String, List<PaidOrderEvent>> entry : ordersByCustomer.entrySet()) {
            all.put(entry.getKey(), CustomerEvents.of(entry.getValue(), behaviourByCustomer.remove(entry.getKey())));
        }
        for (Map.Entry<String, Map<BehaviourType, List<Instant>>> entry : behaviourByCustomer.entrySet()) {
            all.put(entry.getKey(), CustomerEvents.of(List.of(), entry.getValue()));
        }
        return new ChurnHistory(historyEnd, List.copyOf(all.keySet()), all.values().toArray(new CustomerEvents[0]));
    }

    /** The instant the data are complete up to. */
    public Instant historyEnd() {
        return historyEnd;
    }

    /** Every customer with an order or an event, in ascending customerId order. */
    public List<String> customerIds() {
        return customerIds;
    }

    int size() {
        return customers.length;
    }

    CustomerEvents customer(int index) {
        return customers[index];
    }

    /** One customer's events, sorted, with the running spend total; package-private and never handed out. */
    static final class CustomerEvents {

        private static final Instant[] NONE = new Instant[0];

        private final Instant[] paidAt;
        /** {@code spendUpTo[i]} = sum of the amounts of orders {@code 0..i}. */
        private final BigDecimal[] spendUpTo;
        private final Map<BehaviourType, Instant[]> behaviour;

        private CustomerEvents(Instant[] paidAt, BigDecimal[] spendUpTo, Map<BehaviourType, Instant[]> behaviour) {
            this.paidAt = paidAt;
            this.spendUpTo = spendUpTo;
            this.behaviour = behaviour;
        }

        static CustomerEvents of(List<PaidOrderEvent> orders, Map<BehaviourType, List<Instant>> behaviour) {
            PaidOrderEvent[] sorted = orders.toArray(new PaidOrderEvent[0]);
            Arrays.sort(sorted, Comparator.comparing(PaidOrderEvent::paidAt));
            Instant[] paidAt = new Instant[sorted.length];
            BigDecimal[] spendUpTo = new BigDecimal[sorted.length];
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < sorted.length; i++) {
                paidAt[i] = sorted[i].paidAt();
                total = total.add(sorted[i].amount());
                spendUpTo[i] = total;
            }
            Map<BehaviourType, Instant[]> times = new EnumMap<>(BehaviourType.class);
            if (behaviour != null) {
                behaviour.forEach((type, list) -> {
                    Instant[] array = list.toArray(new Instant[0]);
                    Arrays.sort(array);
                    times.put(type, array);
                });
            }
            return new CustomerEvents(paidAt, spendUpTo, times);
        }

        /** Number of paid orders at or before {@code t}. */
        int ordersUpTo(Instant t) {
            return countUpTo(paidAt, t);
        }

        Instant paidAt(int index) {
            return paidAt[index];
        }

        /** Sum of the amounts of the first {@code count} orders; {@code count ≥ 1}. */
        BigDecimal spendOfFirst(int count) {
            return spendUpTo[count - 1];
        }

        int totalOrders() {
            return paidAt.length;
        }

        /** Events of {@code type} at or before {@code t}. */
        int eventsUpTo(BehaviourType type, Instant t) {
            return countUpTo(behaviour.getOrDefault(type, NONE), t);
        }

        /** Number of leading elements of the ascending array {@code times} that are at or before {@code t}. */
        private static int countUpTo(Instant[] times, Instant t) {
            int low = 0;
            int high = times.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (times[mid].isAfter(t)) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }
    }
}
