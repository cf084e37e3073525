package io.lodestar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.AbstractHistogram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Results: printed for people, and as one JSON object ({@code RESULT {...}} and {@code --out FILE}) for scripts. */
final class Report {

    private Report() {
    }

    /** Percentiles of a histogram recorded in microseconds, in milliseconds. */
    static Map<String, Object> latencyMs(AbstractHistogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        m.put("p50", ms(h.getValueAtPercentile(50)));
        m.put("p90", ms(h.getValueAtPercentile(90)));
        m.put("p95", ms(h.getValueAtPercentile(95)));
        m.put("p99", ms(h.getValueAtPercentile(99)));
        m.put("p999", ms(h.getValueAtPercentile(99.9)));
        m.put("max", ms(h.getMaxValue()));
        m.put("mean", ms(Math.round(h.getMean())));
        return m;
    }

    static String latencyLine(AbstractHistogram h) {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (mean %.1f ms, n=%d)",
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0, h.getMean() / 1000.0, h.getTotalCount());
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    private static double ms(long micros) {
        return round(micros / 1000.0, 2);
    }

    /** Prints {@code RESULT {json}} and writes the pretty JSON to {@code out} when given. */
    static void emit(Map<String, Object> result, String out) {
        try {
            System.out.println("RESULT " + Api.JSON.writeValueAsString(result));
            if (out != null && !out.isBlank()) {
                Path path = Path.of(out);
                if (path.getParent() != null) {
                    Files.createDirectories(path.getParent());
                }
                Files.writeString(path, Api.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(result) + "\n");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException("could not write " + out + ": " + e.getMessage(), e);
        }
    }
}
