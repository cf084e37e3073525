package io.lodestar.segmentation.analytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;
import io.lodestar.segmentation.analytics.TrafficParameters.FunnelQuery;
import io.lodestar.segmentation.analytics.TrafficParameters.Granularity;
import io.lodestar.segmentation.analytics.TrafficParameters.HeatmapQuery;
import io.lodestar.segmentation.analytics.TrafficParameters.Period;
import io.lodestar.segmentation.analytics.TrafficParameters.TrafficQuery;
import io.lodestar.segmentation.analytics.TrafficRepository.DayTraffic;
import io.lodestar.segmentation.analytics.TrafficRepository.FunnelRow;
import io.lodestar.segmentation.analytics.TrafficRepository.HourlyCount;
import io.lodestar.segmentation.analytics.TrafficRepository.PathRow;
import io.lodestar.segmentation.config.TrafficConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Traffic, site funnel, conversion paths and touchpoint heatmap for operators, read-only: each method parses its
 * parameters (400 naming the bad ones), then reads the hourly and daily aggregates (PostgreSQL) and the unique-visitor
 * HyperLogLogs (Redis) that the traffic consumers keep. Day, week and month figures are rolled up at query time.
 * {@link #hourlyPageViews} and {@link #hourlyUniqueVisitors} are for other features (anomaly alerts).
 */
@ApplicationScoped
public class TrafficService {

    private final Pool pool;
    private final TrafficRepository traffic;
    private final UniqueVisitorRepository visitors;
    private final TrafficConfig config;

    public TrafficService(Pool pool, TrafficRepository traffic, UniqueVisitorRepository visitors, TrafficConfig config) {
        this.pool = pool;
        this.traffic = traffic;
        this.visitors = visitors;
        this.config = config;
    }

    /** Page views per UTC hour in {@code [from, to)}, of one channel or all (null); hours without any are left out. */
    public Uni<List<HourlyCount>> hourlyPageViews(Instant from, Instant to, Channel channel) {
        return traffic.hourlyPageViews(pool, from, to, channel);
    }

    /**
     * Estimated unique visitors of each UTC hour in {@code [from, to)}, of one channel or all (null); every hour is
     * listed. Hours older than {@code lodestar.traffic.hourly-visitor-retention} read as zero.
     */
    public Uni<List<HourlyCount>> hourlyUniqueVisitors(Instant from, Instant to, Channel channel) {
        return visitors.hourly(from, to, TrafficBatch.scope(channel));
    }

    public Uni<TrafficView> traffic(TrafficRequest request) {
        return Uni.createFrom().item(() -> TrafficParameters.traffic(request, today(), config.retentionDays()))
                .chain(query -> {
                    String scope = TrafficBatch.scope(query.channel());
                    List<Period> buckets = buckets(query.period(), query.granularity());
                    List<Period> periods = new ArrayList<>();
                    periods.add(query.period());
                    periods.addAll(buckets);
                    Uni<List<Long>> uniques = visitors.daysUnions(periods, scope);
                    Uni<List<DayTraffic>> days = traffic.dayTraffic(pool, query.period().from(), query.period().to(),
                            query.channel());
                    return Uni.combine().all().unis(days, uniques).asTuple()
                            .map(t -> toTraffic(query, buckets, t.getItem1(), t.getItem2()));
                });
    }

    public Uni<FunnelView> funnel(FunnelRequest request) {
        return Uni.createFrom().item(() -> TrafficParameters.funnel(request, today(), config.retentionDays()))
                .chain(query -> traffic.funnel(pool, query.period().from(), query.period().to(), query.channel(),
                        query.category()).map(rows -> toFunnel(query, rows)));
    }

    public Uni<PathsView> paths(String from, String to) {
        return Uni.createFrom().item(() -> TrafficParameters.paths(from, to, today(), config.retentionDays()))
                .chain(period -> traffic.paths(pool, period.from(), period.to(), config.pathLookback())
                        .map(rows -> toPaths(period, rows)));
    }

    public Uni<HeatmapView> heatmap(HeatmapRequest request) {
        return Uni.createFrom().item(() -> TrafficParameters.heatmap(request, today(), config.retentionDays()))
                .chain(query -> {
                    Period p = query.period();
                    Uni<List<TrafficRepository.HeatCell>> cells = traffic.heatmap(pool, p.from(), p.to(),
                            query.channel(), config.heatmapZone());
                    Uni<List<TrafficRepository.SlotRow>> slots = query.tag() == null
                            ? traffic.slotsOfAll(pool, p.from(), p.to(), query.channel(), config.heatmapZone())
                            : traffic.slotsOfSegment(pool, query.tag(), query.value());
                    Uni<Long> size = query.tag() == null ? Uni.createFrom().nullItem()
                            : traffic.segmentSize(pool, query.tag(), query.value());
                    return Uni.combine().all().unis(cells, slots, size).asTuple()
                            .map(t -> toHeatmap(query, request.segment(), t.getItem1(), t.getItem2(), t.getItem3()));
                });
    }

    /** The buckets of a period: days, ISO weeks (from Monday) or calendar months, cut at the period's ends. */
    static List<Period> buckets(Period period, Granularity granularity) {
        List<Period> buckets = new ArrayList<>();
        LocalDate start = period.from();
        while (!start.isAfter(period.to())) {
            LocalDate end;
            switch (granularity) {
                case WEEK:
                    end = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
                    break;
                case MONTH:
                    end = start.with(TemporalAdjusters.lastDayOfMonth());
                    break;
                default:
                    end = start;
            }
            if (end.isAfter(period.to())) {
                end = period.to();
            }
            buckets.add(new Period(start, end));
            start = end.plusDays(1);
        }
        return buckets;
    }

    private static TrafficView toTraffic(TrafficQuery query, List<Period> buckets, List<DayTraffic> days,
                                         List<Long> uniques) {
        Set<String> metrics = query.metrics();
        List<TrafficView.Bucket> views = new ArrayList<>(buckets.size());
        for (int i = 0; i < buckets.size(); i++) {
            views.add(bucket(buckets.get(i), days, uniques.get(i + 1), metrics));
        }
        return new TrafficView(query.period().from(), query.period().to(), query.granularity().wireName(),
                query.channel() == null ? null : WireNames.of(query.channel()), List.copyOf(metrics),
                bucket(query.period(), days, uniques.get(0), metrics), List.copyOf(views));
    }

    private static TrafficView.Bucket bucket(Period period, List<DayTraffic> days, long unique, Set<String> metrics) {
        long pageViews = 0;
        long interactions = 0;
        long fresh = 0;
        for (DayTraffic day : days) {
            if (!day.day().isBefore(period.from()) && !day.day().isAfter(period.to())) {
                pageViews += day.pageViews();
                interactions += day.interactions();
                fresh += day.newVisitors();
            }
        }
        long returning = Math.max(0, unique - fresh);
        return new TrafficView.Bucket(period.from(), period.to(),
                metrics.contains("pageViews") ? pageViews : null,
                metrics.contains("interactions") ? interactions : null,
                metrics.contains("uniqueVisitors") ? unique : null,
                metrics.contains("newVisitors") ? fresh : null,
                metrics.contains("newVisitorShare") ? Percentages.of(Math.min(fresh, unique), unique) : null,
                metrics.contains("returningVisitors") ? returning : null,
                metrics.contains("returningVisitorRate") ? Percentages.of(returning, unique) : null);
    }

    private static FunnelView toFunnel(FunnelQuery query, List<FunnelRow> rows) {
        Map<Integer, Long> total = new HashMap<>();
        Map<List<Object>, Map<Integer, Long>> groups = new java.util.LinkedHashMap<>();
        for (FunnelRow row : rows) {
            total.merge(row.steps(), row.customers(), Long::sum);
            groups.computeIfAbsent(List.of(row.day(), row.channel(), row.category()), k -> new HashMap<>())
                    .merge(row.steps(), row.customers(), Long::sum);
        }
        List<FunnelView.Group> views = new ArrayList<>(groups.size());
        groups.forEach((key, masks) -> views.add(new FunnelView.Group((LocalDate) key.get(0), (String) key.get(1),
                (String) key.get(2), FunnelCounter.count(masks))));
        return new FunnelView(query.period().from(), query.period().to(),
                query.channel() == null ? null : WireNames.of(query.channel()), query.category(),
                FunnelCounter.count(total), List.copyOf(views));
    }

    private PathsView toPaths(Period period, List<PathRow> rows) {
        Map<String, Long> touched = new TreeMap<>();
        List<PathsView.Path> paths = new ArrayList<>();
        for (PathRow row : rows) {
            touched.put(row.firstTouch(), row.touched());
            if (row.orderChannel() != null && row.converted() > 0) {
                paths.add(new PathsView.Path(row.firstTouch(), row.orderChannel(), row.converted(), row.touched(),
                        Percentages.of(row.converted(), row.touched())));
            }
        }
        paths.sort(Comparator.comparing(PathsView.Path::conversionPercent, Comparator.reverseOrder())
                .thenComparing(PathsView.Path::customers, Comparator.reverseOrder())
                .thenComparing(PathsView.Path::firstTouch).thenComparing(PathsView.Path::orderChannel));
        List<PathsView.FirstTouch> firstTouches = touched.entrySet().stream()
                .map(e -> new PathsView.FirstTouch(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(PathsView.FirstTouch::customers, Comparator.reverseOrder())
                        .thenComparing(PathsView.FirstTouch::channel))
                .toList();
        return new PathsView(period.from(), period.to(), config.pathLookback().toHours(), firstTouches,
                List.copyOf(paths));
    }

    private HeatmapView toHeatmap(HeatmapQuery query, String segment, List<TrafficRepository.HeatCell> cells,
                                  List<TrafficRepository.SlotRow> slots, Long segmentSize) {
        return new HeatmapView(query.period().from(), query.period().to(),
                query.channel() == null ? null : WireNames.of(query.channel()), config.heatmapZone().getId(),
                query.tag() == null ? null : segment, segmentSize, config.bestSlotMinimumInteractions(),
                cells.stream().map(c -> new HeatmapView.Cell(c.channel(), c.dayOfWeek(), c.hour(), c.interactions(),
                        c.orders())).toList(),
                SendSlots.best(slots, config.bestSlotMinimumInteractions(), config.bestSlots()));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
