package io.lodestar.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * customer-profile-service over plain {@link HttpClient}, always on 127.0.0.1 (only the port can be chosen), with
 * the bearer token on every request. HTTP/1.1 keep-alive: one connection per request in flight.
 */
final class Api {

    /** The only host the driver ever talks to. */
    static final String HOST = "127.0.0.1";

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String base;
    private final String authorization;
    private final Duration timeout;

    Api(int port, String token, Duration timeout, Executor executor) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (executor != null) {
            builder.executor(executor);
        }
        this.client = builder.build();
        this.base = "http://" + HOST + ":" + port;
        this.authorization = "Bearer " + token;
        this.timeout = timeout;
    }

    String base() {
        return base;
    }

    HttpRequest get(String path) {
        return builder(path).GET().build();
    }

    HttpRequest post(String path, byte[] json) {
        return builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
    }

    HttpRequest put(String path, byte[] json) {
        return builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json)).build();
    }

    HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    CompletableFuture<HttpResponse<byte[]>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    /** The start of a response body, for error messages. */
    static String excerpt(byte[] body) {
        if (body == null) {
            return "";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 1500 ? text.substring(0, 1500) + "..." : text;
    }
}
