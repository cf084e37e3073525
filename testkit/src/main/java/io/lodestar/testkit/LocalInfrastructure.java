package io.lodestar.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Where the machine's PostgreSQL and Redis are, with the same environment variables the services read
 * ({@code LODESTAR_DB_HOST}, {@code LODESTAR_DB_PORT}, {@code LODESTAR_DB_USER}, {@code LODESTAR_DB_PASSWORD},
 * {@code LODESTAR_REDIS_HOST}, {@code LODESTAR_REDIS_PORT}); defaults are the local servers with trust auth.
 */
public final class LocalInfrastructure {

    private LocalInfrastructure() {
    }

    public static String postgresHost() {
        return env("LODESTAR_DB_HOST", "127.0.0.1");
    }

    public static int postgresPort() {
        return Integer.parseInt(env("LODESTAR_DB_PORT", "5432"));
    }

    public static String postgresUser() {
        return env("LODESTAR_DB_USER", "postgres");
    }

    public static String postgresPassword() {
        return env("LODESTAR_DB_PASSWORD", "");
    }

    public static String redisHost() {
        return env("LODESTAR_REDIS_HOST", "127.0.0.1");
    }

    public static int redisPort() {
        return Integer.parseInt(env("LODESTAR_REDIS_PORT", "6379"));
    }

    /**
     * Fails at once, in one line, when a server does not accept connections: a test run without its
     * infrastructure must fail loudly, never skip.
     */
    public static void requireReachable(String what, String host, int port, String howToStart) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2_000);
        } catch (IOException e) {
            throw new IllegalStateException(what + " is not reachable at " + host + ":" + port
                    + " (" + e.getMessage() + "). Start it with: " + howToStart);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
