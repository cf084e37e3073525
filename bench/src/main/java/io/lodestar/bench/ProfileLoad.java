package io.lodestar.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Random;

/**
 * Load driver for customer-profile-service (docs/benchmarks.md, issue 3), against the suite of
 * {@code deploy/local/up}. Every scenario is bounded in time and requests, and talks only to 127.0.0.1.
 *
 * <pre>
 * java -jar bench/target/lodestar-bench.jar SCENARIO [--option value ...]
 *   seed        create bench-c0..bench-c&lt;N-1&gt; with a profile, paid orders and events (idempotent)
 *   events      sustained ingestion through POST /events (closed model, N senders)
 *   c360        GET /customers/{id}/360 at a fixed arrival rate (open model, latency from the intended start)
 *   segments    GET /customers/{id}/segments of segmentation-service (port 8082), the same open model
 *   recommendations  GET /recommendations/{id} of recommendation-service (port 8083), closed or open model
 *   traffic-ingest   behaviour.recorded envelopes straight to lodestar.customer-events.v1, consumer lag sampled
 *   traffic-query    GET /analytics/traffic of segmentation-service (port 8082), the open model of c360
 *   event-size  print the average size in bytes of one generated event JSON (for the raw Kafka comparison)
 * </pre>
 * The bearer token (role app) comes from {@code --token} or the environment variable {@code LODESTAR_TOKEN}
 * ({@code deploy/local/token app} prints one).
 */
public final class ProfileLoad {

    private static final String USAGE = """
            usage: java -jar lodestar-bench.jar SCENARIO [options]   (traffic to 127.0.0.1 only)
              common:     --port 8081  --token TOKEN (or env LODESTAR_TOKEN)  --out FILE (result JSON)
              seed        --customers 1000 --orders 2 --events 20 --concurrency 8 --max-errors 10
              events      --senders 4 --batch-size 500 --warmup 10s --duration 60s [--batches N]
                          --customers 10000 --items 5000 --max-errors 10
              c360        --rate 1000 --warmup 5s --duration 30s --customers 1000 --max-in-flight 256 --timeout 10s
              segments    the options of c360, --port 8082, --id-prefix seg-c (ids of bench/seed-segmentation.sql)
              recommendations  --port 8083 --scene home|product --pass random|cold --mode closed|open
                          --concurrency 64 (closed) | --rate 5000 --max-in-flight 256 (open) --warmup 10s
                          --duration 30s --customers 6000 --items 3000 --unknown-share 10 --k 10
                          --id-prefix rb-c --item-prefix rb-i (ids of bench/seed-recommendation.sql) --timeout 10s
              traffic-ingest  --kafka 127.0.0.1:19092 --events 1000000 --rate 20000 (0: full speed) --customers 200000
                          --items 5000 --anonymous-percent 15 --late-percent 10 --days 7 --recent 2m
                          --groups segmentation-service-traffic,segmentation-service --drain-timeout 10m
                          --chronological false (true: occurredAt advances evenly from --days ago to now)
                          --wait-for GROUP,... (default: the groups named *traffic*) --compression none --seed 7
                          --database lodestar_segmentation_bench (also sample traffic_consumer_offset of
                          --database-consumer customer-events-traffic)   (no token, no port)
              traffic-query  the options of c360 but --customers/--id-prefix, --port 8082 (token: role operator),
                          --days 90 (from = to - days + 1) --to YYYY-MM-DD (default today, UTC) --granularity day
                          --channel app|... (default none: every channel)
              event-size  --customers 10000 --items 5000 --samples 10000   (prints the mean bytes of one event)
            Durations: 30, 30s, 2m or 500ms; each run is bounded (durations <= 15 min, request rates <= 20,000/s, produce rates <= 200,000/s).""";

    private ProfileLoad() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String scenario = args[0];
        try {
            Options o = new Options(args, 1);
            if (scenario.equals("event-size")) {
                return eventSize(o);
            }
            if (scenario.equals("traffic-ingest")) {
                TrafficIngestScenario s = new TrafficIngestScenario(o);
                o.rejectUnknown();
                return s.run();
            }
            int port = o.integer("port", defaultPort(scenario), 1, 65535);
            String token = o.string("token", System.getenv("LODESTAR_TOKEN"));
            if (token == null || token.isBlank()) {
                throw new Options.UsageException("no token: pass --token or set LODESTAR_TOKEN "
                        + "(deploy/local/token app prints one)");
            }
            switch (scenario) {
                case "seed" -> {
                    SeedScenario s = new SeedScenario(o, new Api(port, token, Duration.ofSeconds(30), null));
                    o.rejectUnknown();
                    return s.run();
                }
                case "events" -> {
                    EventsScenario s = new EventsScenario(o, new Api(port, token, Duration.ofSeconds(60), null));
                    o.rejectUnknown();
                    return s.run();
                }
                case "c360" -> {
                    C360Scenario s = new C360Scenario(o, port, token);
                    o.rejectUnknown();
                    return s.run();
                }
                case "segments" -> {
                    C360Scenario s = new C360Scenario(o, port, token, "segments", "/segments", "seg-c");
                    o.rejectUnknown();
                    return s.run();
                }
                case "traffic-query" -> {
                    C360Scenario s = trafficQuery(o, port, token);
                    o.rejectUnknown();
                    return s.run();
                }
                case "recommendations" -> {
                    RecommendationsScenario s = new RecommendationsScenario(o, port, token);
                    o.rejectUnknown();
                    return s.run();
                }
                default -> throw new Options.UsageException("unknown scenario '" + scenario + "'");
            }
        } catch (Options.UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
    }

    /** {@code GET /analytics/traffic} over the same range at every request (a dashboard's refresh). */
    private static C360Scenario trafficQuery(Options o, int port, String token) {
        LocalDate to;
        try {
            to = LocalDate.parse(o.string("to", LocalDate.now(ZoneOffset.UTC).toString()));
        } catch (DateTimeParseException e) {
            throw new Options.UsageException("--to must be YYYY-MM-DD");
        }
        LocalDate from = to.minusDays(o.integer("days", 90, 1, 400) - 1L);
        String granularity = o.string("granularity", "day");
        String channel = o.string("channel", null);
        String path = "/analytics/traffic?from=" + from + "&to=" + to + "&granularity=" + granularity
                + (channel == null ? "" : "&channel=" + channel);
        return new C360Scenario(o, port, token, "traffic-query", path, random -> path);
    }

    /** Each service's port in deploy/local (and in the bench scripts that start one service alone). */
    private static int defaultPort(String scenario) {
        switch (scenario) {
            case "segments":
            case "traffic-query":
                return 8082;
            case "recommendations":
                return 8083;
            default:
                return 8081;
        }
    }

    /** The mean size of one event object as {@link EventFactory} writes it inside a batch. */
    private static int eventSize(Options o) {
        EventFactory factory = new EventFactory(o.integer("customers", 10_000, 1, 10_000_000),
                o.integer("items", 5_000, 1, 10_000_000));
        int samples = o.integer("samples", 10_000, 1, 1_000_000);
        o.rejectUnknown();
        Random random = new Random(42);
        Instant now = Instant.now();
        long bytes = 0;
        for (int i = 0; i < samples; i++) {
            bytes += factory.single(random, now).length;
        }
        System.out.println(Math.round((double) bytes / samples));
        return 0;
    }
}
