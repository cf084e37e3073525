package io.lodestar.segmentation.analytics;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;

/**
 * What one Kafka batch adds to the traffic aggregates, summed in memory so that the batch is written with one multi-row
 * statement per table. Pure: hours, days and funnel session windows are UTC, taken from when the event happened; the
 * hour of the week is in the heatmap zone. Anonymous visitors count in traffic and the heatmap, not in the funnel,
 * touches or send slots. Each event counts for the current id of its customer or visitor (the survivor of a merge), as
 * {@code currentIds} maps it; an id it does not name is current.
 */
final class TrafficBatch {

    /** The scope of figures over every channel. */
    static final String ALL = "all";
    /** The category of an event or order line that names none. */
    static final String UNKNOWN_CATEGORY = "unknown";

    record HourChannel(Instant hour, String channel) {
    }

    record VisitorScope(String visitorId, String scope) {
    }

    record DayScope(LocalDate day, String scope) {
    }

    record HourScope(Instant hour, String scope) {
    }

    /** A customer's funnel steps in one session window (its UTC start) x channel x category. */
    record FunnelKey(Instant windowStart, String channel, String category, String customerId) {
    }

    record CustomerDay(String customerId, LocalDate day) {
    }

    record Touch(Instant at, String channel) {
    }

    record CustomerSlot(String customerId, int hourOfWeek) {
    }

    record PaidOrder(String orderId, String customerId, Instant paidAt, String channel) {
    }

    private final ZoneId heatmapZone;
    private final Duration funnelWindow;
    private final Map<String, String> currentIds;
    /** [page views, interactions] */
    private final Map<HourChannel, long[]> hourly = new LinkedHashMap<>();
    private final Map<VisitorScope, LocalDate> firstSeen = new LinkedHashMap<>();
    private final Map<DayScope, Set<String>> dailyVisitors = new LinkedHashMap<>();
    private final Map<HourScope, Set<String>> hourlyVisitors = new LinkedHashMap<>();
    private final Map<FunnelKey, Integer> funnel = new LinkedHashMap<>();
    private final Map<CustomerDay, Touch> touches = new LinkedHashMap<>();
    private final Map<CustomerSlot, Long> slotInteractions = new LinkedHashMap<>();
    private final Map<String, PaidOrder> paidOrders = new LinkedHashMap<>();

    /**
     * @param funnelWindow the funnel session window, dividing 24 hours evenly
     * @param currentIds   the current id of each merged id of the batch
     */
    TrafficBatch(ZoneId heatmapZone, Duration funnelWindow, Map<String, String> currentIds) {
        this.heatmapZone = heatmapZone;
        this.funnelWindow = funnelWindow;
        this.currentIds = Map.copyOf(currentIds);
    }

    void add(BehaviourRecorded event) {
        Instant at = event.occurredAt();
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        LocalDate day = utcDay(at);
        String channel = WireNames.of(event.channel());
        long[] counts = hourly.computeIfAbsent(new HourChannel(hour, channel), k -> new long[2]);
        if (isPageView(event.behaviour())) {
            counts[0]++;
        }
        counts[1]++;
        String visitor = currentId(event.customerId());
        for (String scope : new String[] {channel, ALL}) {
            firstSeen.merge(new VisitorScope(visitor, scope), day, TrafficBatch::earlier);
            dailyVisitors.computeIfAbsent(new DayScope(day, scope), k -> new HashSet<>()).add(visitor);
            hourlyVisitors.computeIfAbsent(new HourScope(hour, scope), k -> new HashSet<>()).add(visitor);
        }
        if (event.anonymous()) {
            return;
        }
        FunnelStep.of(event.behaviour()).ifPresent(step -> funnel.merge(
                new FunnelKey(windowStart(at, funnelWindow), channel, category(event.category()), visitor), step.bit(), (a, b) -> a | b));
        touches.merge(new CustomerDay(visitor, day), new Touch(at, channel),
                (a, b) -> b.at().isBefore(a.at()) ? b : a);
        slotInteractions.merge(new CustomerSlot(visitor, hourOfWeek(at, heatmapZone)), 1L, Long::sum);
    }

    void add(OrderPaid order) {
        String channel = order.channel() == null ? null : WireNames.of(order.channel());
        String customer = currentId(order.customerId());
        paidOrders.putIfAbsent(order.orderId(), new PaidOrder(order.orderId(), customer, order.paidAt(), channel));
        if (channel == null) {
            return;
        }
        Instant window = windowStart(order.paidAt(), funnelWindow);
        for (OrderLine line : order.lines()) {
            funnel.merge(new FunnelKey(window, channel, category(line.category()), customer),
                    FunnelStep.PAY.bit(), (a, b) -> a | b);
        }
    }

    /** The hour of the week of {@code at} in {@code zone}: 0 is Monday 00:00–01:00, 167 Sunday 23:00–24:00. */
    static int hourOfWeek(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return (local.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()) * 24 + local.getHour();
    }

    /**
     * The start of the funnel session window that holds {@code at}: windows of {@code window} (which divides 24 hours
     * evenly) tile each UTC day from midnight.
     */
    static Instant windowStart(Instant at, Duration window) {
        Instant midnight = at.truncatedTo(ChronoUnit.DAYS);
        long intoDay = Duration.between(midnight, at).toNanos();
        return midnight.plusNanos(intoDay - intoDay % window.toNanos());
    }

    static LocalDate utcDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    static boolean isPageView(BehaviourType behaviour) {
        return behaviour == BehaviourType.PAGE_VIEW || behaviour == BehaviourType.PRODUCT_VIEW;
    }

    /** The scope of a channel filter: the channel's wire name, or {@link #ALL}. */
    static String scope(Channel channel) {
        return channel == null ? ALL : WireNames.of(channel);
    }

    private static String category(String category) {
        return category == null || category.isBlank() ? UNKNOWN_CATEGORY : category;
    }

    private String currentId(String id) {
        return currentIds.getOrDefault(id, id);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return b.isBefore(a) ? b : a;
    }

    Map<HourChannel, long[]> hourly() {
        return hourly;
    }

    Map<VisitorScope, LocalDate> firstSeen() {
        return firstSeen;
    }

    Map<DayScope, Set<String>> dailyVisitors() {
        return dailyVisitors;
    }

    Map<HourScope, Set<String>> hourlyVisitors() {
        return hourlyVisitors;
    }

    Map<FunnelKey, Integer> funnel() {
        return funnel;
    }

    Map<CustomerDay, Touch> touches() {
        return touches;
    }

    Map<CustomerSlot, Long> slotInteractions() {
        return slotInteractions;
    }

    Map<String, PaidOrder> paidOrders() {
        return paidOrders;
    }
}
