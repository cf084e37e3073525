package io.lodestar.campaign;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for segmentation-service and recommendation-service over real HTTP, speaking their API contracts
 * ({@code GET /segments/{id}/members} cursor pages, {@code GET /recommendations/{customerId}}), so campaign-service's
 * REST clients, token signing, timeouts and fallbacks run as in production. The services themselves run together
 * in the end-to-end suite; here a test sets the members a segment has and can make either peer fail.
 */
public class PeerServicesStub implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, List<String>> SEGMENTS = new ConcurrentHashMap<>();
    private static final AtomicBoolean SEGMENTATION_DOWN = new AtomicBoolean();
    private static final AtomicBoolean RECOMMENDATION_DOWN = new AtomicBoolean();
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 2;

    private HttpServer server;

    /** The members segmentation-service reports for a segment (served two per page, to exercise cursors). */
    public static void segment(String segmentId, List<String> members) {
        SEGMENTS.put(segmentId, List.copyOf(members));
    }

    public static void segmentationDown(boolean down) {
        SEGMENTATION_DOWN.set(down);
    }

    public static void recommendationDown(boolean down) {
        RECOMMENDATION_DOWN.set(down);
    }

    /** Authorization headers the peers received. */
    public static List<String> authorizations() {
        return List.copyOf(AUTHORIZATIONS);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/segments/", this::members);
        server.createContext("/recommendations/", this::recommendations);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.segmentation.url", url,
                "quarkus.rest-client.recommendation.url", url,
                "smallrye.jwt.sign.key.location", signingKey().toUri().toString());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void members(HttpExchange exchange) throws IOException {
        AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (SEGMENTATION_DOWN.get()) {
            respond(exchange, 503, Map.of("status", 503, "title", "Service Unavailable"));
            return;
        }
        // /segments/{id}/members?cursor=&limit=
        String[] path = exchange.getRequestURI().getPath().split("/");
        List<String> members = SEGMENTS.get(path[2]);
        if (members == null) {
            respond(exchange, 404, Map.of("status", 404, "title", "Not Found"));
            return;
        }
        String cursor = query(exchange.getRequestURI(), "cursor");
        int from = cursor == null ? 0 : Integer.parseInt(cursor);
        int to = Math.min(members.size(), from + PAGE);
        Map<String, Object> page = new java.util.HashMap<>();
        page.put("items", members.subList(from, to));
        page.put("nextCursor", to < members.size() ? Integer.toString(to) : null);
        respond(exchange, 200, page);
    }

    private void recommendations(HttpExchange exchange) throws IOException {
        AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (RECOMMENDATION_DOWN.get()) {
            respond(exchange, 503, Map.of("status", 503, "title", "Service Unavailable"));
            return;
        }
        String customerId = exchange.getRequestURI().getPath().split("/")[2];
        boolean popular = customerId.startsWith("campaign-service-");
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String id = (popular ? "popular-" : "for-" + customerId + "-") + i;
            items.add(Map.of("itemId", id, "title", "Title " + id, "score", 1.0 / i, "model", "als"));
        }
        respond(exchange, 200, Map.of("customerId", customerId, "scene", String.valueOf(query(
                exchange.getRequestURI(), "scene")), "recommendationId", java.util.UUID.randomUUID().toString(),
                "items", items));
    }

    private static String query(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2 && !kv[1].isEmpty()) {
                return java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json"
                : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A throw-away RSA key for the service's own tokens (the stub does not verify them, it records them). */
    private static Path signingKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Path file = Files.createTempFile("lodestar-campaign-signing-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
            return file;
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot create a signing key", e);
        }
    }
}
