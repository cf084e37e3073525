package io.lodestar.gateway;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Everything the simulator can be told, read once at start-up. Each key is looked up as a system property first and
 * then as an environment variable named the MicroProfile way (non-alphanumerics to {@code _}, upper case:
 * {@code lodestar.gateway.honour-send-at} → {@code LODESTAR_GATEWAY_HONOUR_SEND_AT}), so it runs beside the Quarkus
 * services with the same variables ({@code LODESTAR_KAFKA_BOOTSTRAP_SERVERS}) without a config library.
 *
 * @param bootstrapServers Kafka bootstrap servers ({@value #BOOTSTRAP_SERVERS}, default {@code 127.0.0.1:9092})
 * @param groupId          consumer group ({@value #GROUP_ID}, default {@value #DEFAULT_GROUP_ID})
 * @param honourSendAt     hold each message until its {@code sendAt} ({@value #HONOUR_SEND_AT}, default true);
 *                         false sends everything at once, for tests and demos
 * @param seed             seed of the outcome draws ({@value #SEED}, default {@value #DEFAULT_SEED}); the same seed
 *                         gives the same feedback for the same message ids
 * @param maxHeld          how many future messages may wait in memory before consumption pauses
 *                         ({@value #MAX_HELD}, default {@value #DEFAULT_MAX_HELD})
 * @param pollTimeout      longest wait of one poll ({@value #POLL_TIMEOUT_MS} in milliseconds, default 500)
 * @param rates            the funnel rates, defaults with any {@code lodestar.gateway.rates.*} overrides
 */
public record GatewayConfig(String bootstrapServers, String groupId, boolean honourSendAt, long seed, int maxHeld,
        Duration pollTimeout, FeedbackRates rates) {

    public static final String BOOTSTRAP_SERVERS = "lodestar.kafka.bootstrap-servers";
    public static final String GROUP_ID = "lodestar.gateway.group-id";
    public static final String HONOUR_SEND_AT = "lodestar.gateway.honour-send-at";
    public static final String SEED = "lodestar.gateway.seed";
    public static final String MAX_HELD = "lodestar.gateway.max-held";
    public static final String POLL_TIMEOUT_MS = "lodestar.gateway.poll-timeout-ms";

    public static final String DEFAULT_GROUP_ID = "channel-gateway-simulator";
    public static final long DEFAULT_SEED = 20240601L;
    public static final int DEFAULT_MAX_HELD = 10_000;

    public GatewayConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(pollTimeout, "pollTimeout");
        Objects.requireNonNull(rates, "rates");
        if (bootstrapServers.isBlank() || groupId.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers and groupId must not be blank");
        }
        if (maxHeld < 1) {
            throw new IllegalArgumentException(MAX_HELD + " must be at least 1, was " + maxHeld);
        }
        if (pollTimeout.isNegative() || pollTimeout.isZero()) {
            throw new IllegalArgumentException(POLL_TIMEOUT_MS + " must be positive, was " + pollTimeout.toMillis());
        }
    }

    /** The configuration from system properties and environment variables. */
    public static GatewayConfig fromEnvironment() {
        return from(key -> {
            String property = System.getProperty(key);
            return property != null ? property : System.getenv(environmentName(key));
        });
    }

    /**
     * The configuration from {@code lookup}, which returns a key's value or null when it is not set.
     *
     * @throws IllegalArgumentException naming the key, for a value that cannot be read
     */
    public static GatewayConfig from(Function<String, String> lookup) {
        return new GatewayConfig(
                string(lookup, BOOTSTRAP_SERVERS, "127.0.0.1:9092"),
                string(lookup, GROUP_ID, DEFAULT_GROUP_ID),
                bool(lookup, HONOUR_SEND_AT, true),
                number(lookup, SEED, DEFAULT_SEED),
                whole(lookup, MAX_HELD, DEFAULT_MAX_HELD),
                Duration.ofMillis(number(lookup, POLL_TIMEOUT_MS, 500)),
                FeedbackRates.defaults().withOverrides(lookup));
    }

    /** This configuration with another bootstrap address (tests point it at their broker). */
    public GatewayConfig withBootstrapServers(String servers) {
        return new GatewayConfig(servers, groupId, honourSendAt, seed, maxHeld, pollTimeout, rates);
    }

    /** The environment variable of a key: {@code lodestar.kafka.bootstrap-servers} → {@code LODESTAR_KAFKA_BOOTSTRAP_SERVERS}. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static String string(Function<String, String> lookup, String key, String fallback) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static boolean bool(Function<String, String> lookup, String key, boolean fallback) {
        String value = string(lookup, key, null);
        if (value == null) {
            return fallback;
        }
        // Boolean.parseBoolean would read a typo such as "flase" as false without a word.
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + ": expected true or false, was '" + value + "'");
        };
    }

    private static int whole(Function<String, String> lookup, String key, int fallback) {
        long value = number(lookup, key, fallback);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key + ": too large: " + value);
        }
        return (int) value;
    }

    private static long number(Function<String, String> lookup, String key, long fallback) {
        String value = string(lookup, key, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a whole number: '" + value + "'", e);
        }
    }
}
