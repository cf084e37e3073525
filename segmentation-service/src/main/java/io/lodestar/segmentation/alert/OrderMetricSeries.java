package io.lodestar.segmentation.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Hourly order figures per order channel: paid orders, revenue, refunds, refund amount and refund rate. */
@ApplicationScoped
public class OrderMetricSeries implements MetricSeries {

    public static final String PAID_ORDERS = "orders.paid.count";
    public static final String REVENUE = "orders.paid.amount";
    public static final String REFUNDS = "orders.refund.count";
    public static final String REFUND_AMOUNT = "orders.refund.amount";
    public static final String REFUND_RATE = "orders.refund.rate";

    private static final List<AlertMetric> METRICS = List.of(
            new AlertMetric(PAID_ORDERS, "paid orders (order.paid) in the hour of paidAt", false),
            new AlertMetric(REVENUE, "paid amount of those orders; volume: paid orders", false),
            new AlertMetric(REFUNDS, "refunds (order.refunded) in the hour of refundedAt", false),
            new AlertMetric(REFUND_AMOUNT, "refunded amount; volume: refunds", false),
            new AlertMetric(REFUND_RATE, "refunds ÷ paid orders of the same hours; volume: paid orders", true));

    private final OrderFiguresRepository figures;

    public OrderMetricSeries(OrderFiguresRepository figures) {
        this.figures = figures;
    }

    @Override
    public List<AlertMetric> metrics() {
        return METRICS;
    }

    @Override
    public Uni<List<HourlyValue>> hourly(String metric, Channel channel, Instant from, Instant to) {
        Function<OrderFiguresRepository.OrderHour, HourlyValue> point = switch (metric) {
            case PAID_ORDERS -> h -> new HourlyValue(h.hour(), h.paidOrders(), h.paidOrders());
            case REVENUE -> h -> new HourlyValue(h.hour(), h.revenue().doubleValue(), h.paidOrders());
            case REFUNDS -> h -> new HourlyValue(h.hour(), h.refunds(), h.refunds());
            case REFUND_AMOUNT -> h -> new HourlyValue(h.hour(), h.refundAmount().doubleValue(), h.refunds());
            case REFUND_RATE -> h -> new HourlyValue(h.hour(),
                    h.paidOrders() == 0 ? 0 : BigDecimal.valueOf(h.refunds()).doubleValue() / h.paidOrders(),
                    h.paidOrders());
            default -> throw new IllegalArgumentException("not an order metric: " + metric);
        };
        return figures.hours(channel == null ? null : WireNames.of(channel), from, to)
                .map(hours -> hours.stream().map(point).toList());
    }
}
