package io.lodestar.recommendation.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderRefunded;

/**
 * What one event adds to one item's figures of one UTC day ({@code product_daily}): the day is the event's own time,
 * so a late event lands on its day. Built from the event alone, so the consumers add it in their transaction.
 */
public record ProductDayDelta(String itemId, LocalDate day, long views, long clicks, long addToCarts,
                              long recImpressions, long recClicks, long orders, long units, BigDecimal revenue,
                              long refunds, long refundedUnits, BigDecimal refundAmount) {

    /** A product view, click, add-to-cart, recommendation impression or click about an item; empty for the rest. */
    public static Optional<ProductDayDelta> ofBehaviour(BehaviourRecorded behaviour) {
        if (behaviour.itemId() == null) {
            return Optional.empty();
        }
        long views = 0;
        long clicks = 0;
        long carts = 0;
        long impressions = 0;
        long recClicks = 0;
        switch (behaviour.behaviour()) {
            case PRODUCT_VIEW: views = 1; break;
            case CLICK: clicks = 1; break;
            case ADD_TO_CART: carts = 1; break;
            case RECOMMENDATION_IMPRESSION: impressions = 1; break;
            case RECOMMENDATION_CLICK: recClicks = 1; break;
            default: return Optional.empty();
        }
        return Optional.of(new ProductDayDelta(behaviour.itemId(), day(behaviour.occurredAt()), views, clicks, carts,
                impressions, recClicks, 0, 0, BigDecimal.ZERO, 0, 0, BigDecimal.ZERO));
    }

    /** One order, its units and its net line amounts per distinct item of a paid order, on the day it was paid. */
    public static Map<String, ProductDayDelta> ofPaid(OrderPaid paid) {
        Map<String, Long> units = new LinkedHashMap<>();
        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        for (OrderLine line : paid.lines()) {
            units.merge(line.itemId(), (long) Math.max(line.quantity(), 1), Long::sum);
            revenue.merge(line.itemId(), netAmount(line), BigDecimal::add);
        }
        LocalDate day = day(paid.paidAt());
        Map<String, ProductDayDelta> deltas = new LinkedHashMap<>();
        units.forEach((item, quantity) -> deltas.put(item, new ProductDayDelta(item, day, 0, 0, 0, 0, 0, 1, quantity,
                revenue.get(item), 0, 0, BigDecimal.ZERO)));
        return deltas;
    }

    /**
     * One refund per refunded item, its units and its share of the refunded amount, on the day of the refund. The
     * amount is shared in proportion to the net amounts of the refunded lines, or, for a refund that names no lines,
     * in proportion to the units of the whole order ({@code unitsByItem}).
     */
    public static Map<String, ProductDayDelta> ofRefund(OrderRefunded refund, Map<String, Integer> unitsByItem) {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        if (refund.lines().isEmpty()) {
            unitsByItem.forEach((item, quantity) -> weights.put(item, BigDecimal.valueOf(quantity)));
        } else {
            refund.lines().forEach(line -> weights.merge(line.itemId(), netAmount(line), BigDecimal::add));
        }
        Map<String, BigDecimal> amounts = allocate(refund.refundAmount(), weights);
        LocalDate day = day(refund.refundedAt());
        Map<String, ProductDayDelta> deltas = new LinkedHashMap<>();
        unitsByItem.forEach((item, quantity) -> deltas.put(item, new ProductDayDelta(item, day, 0, 0, 0, 0, 0, 0, 0,
                BigDecimal.ZERO, 1, quantity, amounts.getOrDefault(item, BigDecimal.ZERO))));
        return deltas;
    }

    /**
     * Shares {@code amount} (rounded to cents) in proportion to {@code weights}, equally when every weight is zero;
     * the cents lost to rounding go to the last item, so the shares always add up to the amount.
     */
    static Map<String, BigDecimal> allocate(BigDecimal amount, Map<String, BigDecimal> weights) {
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        if (weights.isEmpty()) {
            return shares;
        }
        BigDecimal total = amount.setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal weightSum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> items = new ArrayList<>(weights.keySet());
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            BigDecimal share;
            if (i == items.size() - 1) {
                share = total.subtract(given);
            } else if (weightSum.signum() == 0) {
                share = total.divide(BigDecimal.valueOf(items.size()), 2, RoundingMode.HALF_EVEN);
            } else {
                share = total.multiply(weights.get(item)).divide(weightSum, 2, RoundingMode.HALF_EVEN);
            }
            share = share.min(total.subtract(given)); // rounding up never leaves the last item below zero
            shares.put(item, share);
            given = given.add(share);
        }
        return shares;
    }

    /** quantity × unit price − line discount, never below zero. */
    static BigDecimal netAmount(OrderLine line) {
        BigDecimal gross = line.unitPrice().multiply(BigDecimal.valueOf(Math.max(line.quantity(), 1)));
        BigDecimal net = line.discount() == null ? gross : gross.subtract(line.discount());
        return net.signum() < 0 ? BigDecimal.ZERO : net;
    }

    private static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
