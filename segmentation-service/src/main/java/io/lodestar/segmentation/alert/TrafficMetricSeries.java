package io.lodestar.segmentation.alert;

import java.time.Instant;
import java.util.List;

import io.lodestar.contracts.Channel;
import io.lodestar.segmentation.analytics.TrafficRepository.HourlyCount;
import io.lodestar.segmentation.analytics.TrafficService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hourly traffic from the analytics feature's aggregates, per behaviour channel: page views and unique visitors
 * (the hourly HyperLogLogs, kept {@code lodestar.traffic.hourly-visitor-retention}, so a seasonal rule on visitors
 * can look back that far). The volume of an hour is its own value: a quiet night is quiet by its own count.
 */
@ApplicationScoped
public class TrafficMetricSeries implements MetricSeries {

    public static final String PAGE_VIEWS = "traffic.page_views";
    public static final String UNIQUE_VISITORS = "traffic.unique_visitors";

    private static final List<AlertMetric> METRICS = List.of(
            new AlertMetric(PAGE_VIEWS, "page and product views in the hour the event happened", false),
            new AlertMetric(UNIQUE_VISITORS, "estimated distinct visitors of the hour (HyperLogLog)", false));

    private final TrafficService traffic;

    public TrafficMetricSeries(TrafficService traffic) {
        this.traffic = traffic;
    }

    @Override
    public List<AlertMetric> metrics() {
        return METRICS;
    }

    @Override
    public Uni<List<HourlyValue>> hourly(String metric, Channel channel, Instant from, Instant to) {
        Uni<List<HourlyCount>> counts;
        if (PAGE_VIEWS.equals(metric)) {
            counts = traffic.hourlyPageViews(from, to, channel);
        } else if (UNIQUE_VISITORS.equals(metric)) {
            counts = traffic.hourlyUniqueVisitors(from, to, channel);
        } else {
            throw new IllegalArgumentException("not a traffic metric: " + metric);
        }
        return counts.map(hours -> hours.stream().map(h -> new HourlyValue(h.hour(), h.count(), h.count())).toList());
    }
}
