package io.lodestar.segmentation.config;

import java.time.Duration;

import org.eclipse.microprofile.config.spi.Converter;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * Reads {@code lodestar.traffic.funnel-session-window}: an ISO-8601 duration (or Quarkus's short form such as
 * {@code 6h}) from one hour to one day that divides 24 hours evenly, so that the windows tile each UTC day from
 * midnight and a day's funnel is the sum of its windows. Anything else fails the configuration, so the service does
 * not start with it.
 */
public class FunnelSessionWindowConverter implements Converter<Duration> {

    private static final long serialVersionUID = 1L;
    private static final Duration SHORTEST = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    @Override
    public Duration convert(String value) {
        Duration window;
        try {
            window = DurationConverter.parseDuration(value.trim());
        } catch (RuntimeException e) {
            throw invalid(value, "is not a duration");
        }
        if (window == null) {
            throw invalid(value, "is empty");
        }
        return check(window, value);
    }

    /** {@code window} if it is an allowed funnel session window. */
    static Duration check(Duration window, String value) {
        if (window.compareTo(SHORTEST) < 0 || window.compareTo(DAY) > 0) {
            throw invalid(value, "is outside PT1H..P1D");
        }
        if (DAY.toNanos() % window.toNanos() != 0) {
            throw invalid(value, "does not divide 24 hours evenly");
        }
        return window;
    }

    private static IllegalArgumentException invalid(String value, String why) {
        return new IllegalArgumentException("lodestar.traffic.funnel-session-window (LODESTAR_TRAFFIC_FUNNEL_SESSION_WINDOW) '"
                + value + "' " + why + ": it must be a duration from PT1H to P1D that divides 24 hours evenly, such as "
                + "PT1H, PT2H, PT3H, PT4H, PT6H, PT8H, PT12H or P1D");
    }
}
