package io.lodestar.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The suite's public HTTP APIs as the loader uses them: JSON in and out, a bearer token per call, and a failure that
 * names the call and quotes the answer (a problem+json body says which field was wrong).
 */
final class SuiteClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A call that did not answer as expected. */
    static final class CallFailed extends IOException {
        CallFailed(String message) {
            super(message);
        }
    }

    JsonNode get(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token, "GET " + url, 200);
    }

    JsonNode post(String url, String token, Object body, int... expected) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))), token, "POST " + url,
                expected);
    }

    JsonNode put(String url, String token, Object body, int... expected) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))), token, "PUT " + url,
                expected);
    }

    JsonNode postForm(String url, String token, MultipartForm form, int... expected)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.body())), token, "POST " + url, expected);
    }

    private JsonNode send(HttpRequest.Builder request, String token, String what, int... expected)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
            }
        }
        String body = new String(response.body(), StandardCharsets.UTF_8);
        throw new CallFailed(what + ": HTTP " + response.statusCode() + " "
                + (body.length() > 600 ? body.substring(0, 600) + "…" : body));
    }
}
