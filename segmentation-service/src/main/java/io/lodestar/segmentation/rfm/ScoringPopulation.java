package io.lodestar.segmentation.rfm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The customers of one run split into the scored population, with their {@link RfmValues}, and the unscored ones. A
 * customer is scored exactly when it has at least one paid order in the window. Inputs that contradict the model are
 * rejected rather than scored wrongly: a duplicate customerId, a last paid order after {@code asOf} (features computed
 * at another instant), or paid orders counted in a window that the last paid order lies before.
 */
final class ScoringPopulation {

    private final String[] customerIds;
    private final RfmValues[] values;
    private final int[] inCustomerIdOrder;
    private final List<UnscoredCustomer> unscored;

    private ScoringPopulation(String[] customerIds, RfmValues[] values, int[] inCustomerIdOrder,
            List<UnscoredCustomer> unscored) {
        this.customerIds = customerIds;
        this.values = values;
        this.inCustomerIdOrder = inCustomerIdOrder;
        this.unscored = List.copyOf(unscored);
    }

    static ScoringPopulation of(List<RfmInput> inputs, Instant asOf, RfmWindow window) {
        RfmInput[] all = inputs.toArray(new RfmInput[0]);
        for (int i = 0; i < all.length; i++) {
            if (all[i] == null) {
                throw new IllegalArgumentException("inputs[" + i + "] must not be null");
            }
        }
        int[] allById = IndexSort.identity(all.length);
        IndexSort.sort(allById, (a, b) -> all[a].customerId().compareTo(all[b].customerId()));
        for (int i = 1; i < allById.length; i++) {
            if (all[allById[i - 1]].customerId().equals(all[allById[i]].customerId())) {
                throw new IllegalArgumentException("customerId " + all[allById[i]].customerId()
                        + " appears more than once; each customer is scored once per run");
            }
        }

        Instant windowStart = window.start(asOf).orElse(null);
        String[] ids = new String[all.length];
        RfmValues[] values = new RfmValues[all.length];
        int[] scoredPosition = new int[all.length];
        List<UnscoredCustomer> unscored = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < all.length; i++) {
            RfmInput input = all[i];
            requireConsistent(input, asOf, windowStart);
            if (input.paidOrders() == 0) {
                scoredPosition[i] = -1;
                unscored.add(new UnscoredCustomer(input.customerId(),
                        input.hasPaid() ? UnscoredReason.NO_PAID_ORDER_IN_WINDOW : UnscoredReason.NEVER_PAID));
            } else {
                scoredPosition[i] = size;
                ids[size] = input.customerId();
                values[size] = RfmValues.of(input, asOf);
                size++;
            }
        }

        int[] scoredById = new int[size];
        int next = 0;
        for (int inputIndex : allById) {
            if (scoredPosition[inputIndex] >= 0) {
                scoredById[next++] = scoredPosition[inputIndex];
            }
        }
        return new ScoringPopulation(Arrays.copyOf(ids, size), Arrays.copyOf(values, size), scoredById, unscored);
    }

    private static void requireConsistent(RfmInput input, Instant asOf, Instant windowStart) {
        Instant lastPaidAt = input.lastPaidAt();
        if (lastPaidAt == null) {
            return; // RfmInput already guarantees paidOrders == 0
        }
        if (lastPaidAt.isAfter(asOf)) {
            throw new IllegalArgumentException("lastPaidAt of customer " + input.customerId() + " (" + lastPaidAt
                    + ") is after asOf (" + asOf + "); inputs must be aggregated as of asOf");
        }
        if (windowStart != null && input.paidOrders() > 0 && lastPaidAt.isBefore(windowStart)) {
            throw new IllegalArgumentException("paidOrders of customer " + input.customerId() + " is " + input.paidOrders()
                    + " although its last paid order (" + lastPaidAt + ") is before the window start (" + windowStart
                    + "); inputs must be aggregated over the model's window");
        }
    }

    /** Number of scored customers. */
    int size() {
        return customerIds.length;
    }

    String customerId(int scored) {
        return customerIds[scored];
    }

    RfmValues values(int scored) {
        return values[scored];
    }

    /** Positions of the scored customers in ascending customerId order ({@link String#compareTo}); a fresh copy. */
    int[] inCustomerIdOrder() {
        return inCustomerIdOrder.clone();
    }

    /** The customers left out, in input order. */
    List<UnscoredCustomer> unscored() {
        return unscored;
    }
}
