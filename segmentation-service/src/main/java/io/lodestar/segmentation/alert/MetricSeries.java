package io.lodestar.segmentation.alert;

import java.time.Instant;
import java.util.List;

import io.lodestar.contracts.Channel;
import io.smallrye.mutiny.Uni;

/**
 * A source of hourly metric values for alert rules. A new family of metrics (traffic: page views, unique visitors,
 * conversion) is one more {@code @ApplicationScoped} implementation: {@link MetricRegistry} finds every bean of this
 * type, and rules can name its metrics at once.
 */
public interface MetricSeries {

    /** The metrics this source serves; their names must be unique across all sources. */
    List<AlertMetric> metrics();

    /**
     * The hours in {@code [from, to)} (hour starts, UTC) that have data for {@code metric}; a missing hour is zero.
     *
     * @param channel the slice, or null for all channels together
     */
    Uni<List<HourlyValue>> hourly(String metric, Channel channel, Instant from, Instant to);
}
