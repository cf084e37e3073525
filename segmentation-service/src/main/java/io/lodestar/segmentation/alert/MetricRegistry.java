package io.lodestar.segmentation.alert;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

/** Every metric a rule can name, by name, with the {@link MetricSeries} that serves it. */
@ApplicationScoped
public class MetricRegistry {

    /** A metric and its source. */
    public record Source(AlertMetric metric, MetricSeries series) {
    }

    private final Map<String, Source> byName = new TreeMap<>();

    public MetricRegistry(@All List<MetricSeries> sources) {
        for (MetricSeries series : sources) {
            for (AlertMetric metric : series.metrics()) {
                if (byName.putIfAbsent(metric.name(), new Source(metric, series)) != null) {
                    throw new IllegalStateException("metric " + metric.name() + " is served by two sources");
                }
            }
        }
    }

    public Optional<Source> find(String name) {
        return Optional.ofNullable(name == null ? null : byName.get(name));
    }

    /** The metric named in {@code field}, or a 400 naming the field and listing the known metrics. */
    public Source require(String name, String field) {
        return find(name).orElseThrow(() -> new InvalidInputException(List.of(unknown(name, field))));
    }

    /** The violation of naming {@code name}, not a metric, in {@code field}. */
    public Problem.Violation unknown(String name, String field) {
        return new Problem.Violation(field, "unknown metric '" + name + "'; one of "
                + String.join(", ", byName.keySet()));
    }

    public List<AlertMetric> metrics() {
        return byName.values().stream().map(Source::metric).toList();
    }
}
