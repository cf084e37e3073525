package io.lodestar.bench;

import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;

/**
 * {@code GET /recommendations/{customerId}?scene=home} (or {@code scene=product&itemId=...}) of
 * recommendation-service (port 8083), for issue 5's target of 5,000 req/s with p99 &le; 20 ms.
 *
 * <p>Customers are the seeded ids {@code <--id-prefix><n>} (n in [0, --customers)) and, for {@code --unknown-share}
 * percent of the requests, ids nobody has seen (cold start, drawn from a range large enough that they rarely repeat).
 * Two orders:
 * <ul>
 *   <li>{@code --pass random} (default): each request draws a customer uniformly, for {@code --warmup} and then
 *       {@code --duration};</li>
 *   <li>{@code --pass cold}: every seeded customer exactly once, in a shuffled order, with an unknown one between
 *       them at the unknown share, and no warm-up: against an emptied cache this is the first pass, all misses.</li>
 * </ul>
 * Two load models:
 * <ul>
 *   <li>{@code --mode closed} (default): {@code --concurrency} requests in flight at all times, each sent when the
 *       previous one of its slot finished; this finds the throughput, and the latency is the service time;</li>
 *   <li>{@code --mode open}: request {@code i} is due at {@code start + i / rate} and its latency counts from then
 *       (as in {@link C360Scenario}, so that a stall is not hidden by the driver slowing down); the requests in
 *       flight are capped by {@code --max-in-flight}.</li>
 * </ul>
 * The cache hit share is read from each 200 response's {@code "cached"} field (and the cold-start share from
 * {@code "coldStart"}) by a byte search, so that the driver does not spend its CPU parsing JSON.
 */
final class RecommendationsScenario {

    private static final byte[] CACHED = "\"cached\":true".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] COLD_START = "\"coldStart\":true".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Unknown customers are drawn from this many ids, so that a run of a few minutes rarely repeats one. */
    private static final int UNKNOWN_RANGE = 100_000_000;

    private final int port;
    private final String token;
    private final String scene;
    private final String pass;
    private final String mode;
    private final int rate;
    private final int concurrency;
    private final int maxInFlight;
    private final Duration warmup;
    private final Duration duration;
    private final int customers;
    private final int items;
    private final int unknownPercent;
    private final int k;
    private final String idPrefix;
    private final String itemPrefix;
    private final Duration timeout;
    private final String out;

    RecommendationsScenario(Options o, int port, String token) {
        this.port = port;
        this.token = token;
        this.scene = oneOf(o.string("scene", "home"), "scene", "home", "product");
        this.pass = oneOf(o.string("pass", "random"), "pass", "random", "cold");
        this.mode = oneOf(o.string("mode", "closed"), "mode", "closed", "open");
        this.rate = o.integer("rate", 5000, 1, 20_000);
        this.concurrency = o.integer("concurrency", 64, 1, 1024);
        this.maxInFlight = o.integer("max-in-flight", 256, 1, 4096);
        this.warmup = o.duration("warmup", Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(5));
        this.duration = o.duration("duration", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(15));
        this.customers = o.integer("customers", 6000, 1, 10_000_000);
        this.items = o.integer("items", 3000, 1, 10_000_000);
        this.unknownPercent = o.integer("unknown-share", 10, 0, 100);
        this.k = o.integer("k", 10, 1, 100);
        this.idPrefix = o.string("id-prefix", "rb-c");
        this.itemPrefix = o.string("item-prefix", "rb-i");
        this.timeout = o.duration("timeout", Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMinutes(2));
        this.out = o.string("out", null);
    }

    private static String oneOf(String value, String option, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new Options.UsageException("--" + option + " must be one of " + String.join(", ", allowed)
                + ", was '" + value + "'");
    }

    /** The request paths of one run: by index for the cold pass, drawn at random otherwise. */
    private final class Paths {
        private final int[] order;
        private final SplittableRandom random = new SplittableRandom(0x5e7eL);

        Paths() {
            if (pass.equals("cold")) {
                // Seeded customers once each (Fisher-Yates), then unknown ones spread among them at the share.
                int unknown = unknownPercent >= 100 ? customers
                        : (int) Math.round(customers * unknownPercent / (100.0 - unknownPercent));
                order = new int[customers + unknown];
                for (int i = 0; i < customers; i++) {
                    order[i] = i;
                }
                for (int i = customers; i < order.length; i++) {
                    order[i] = -1 - i;   // negative: an unknown customer
                }
                SplittableRandom shuffle = new SplittableRandom(0xc01dL);
                for (int i = order.length - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
            } else {
                order = null;
            }
        }

        /** How many requests the pass has, or -1 when it is bounded by time only. */
        long size() {
            return order == null ? -1 : order.length;
        }

        synchronized String path(long i) {
            String customer;
            if (order != null) {
                int n = order[(int) i];
                customer = n >= 0 ? idPrefix + n : "rb-unknown-" + (-1 - n);
            } else if (random.nextInt(100) < unknownPercent) {
                customer = "rb-unknown-" + random.nextInt(UNKNOWN_RANGE);
            } else {
                customer = idPrefix + random.nextInt(customers);
            }
            StringBuilder path = new StringBuilder("/recommendations/").append(customer).append("?scene=").append(scene);
            if (scene.equals("product")) {
                path.append("&itemId=").append(itemPrefix).append(random.nextInt(items));
            }
            if (k != 10) {
                path.append("&k=").append(k);
            }
            return path.toString();
        }
    }

    /** What the measured requests did. */
    private static final class Tally {
        final ConcurrentHistogram latency = new ConcurrentHistogram(Duration.ofMinutes(3).toNanos() / 1000, 3);
        final ConcurrentHistogram service = new ConcurrentHistogram(Duration.ofMinutes(3).toNanos() / 1000, 3);
        final ConcurrentHistogram cachedLatency = new ConcurrentHistogram(Duration.ofMinutes(3).toNanos() / 1000, 3);
        final ConcurrentHistogram computedLatency = new ConcurrentHistogram(Duration.ofMinutes(3).toNanos() / 1000, 3);
        final LongAdder ok = new LongAdder();
        final LongAdder cached = new LongAdder();
        final LongAdder coldStart = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder timeouts = new LongAdder();
        final LongAdder warmupOk = new LongAdder();
        final LongAdder warmupErrors = new LongAdder();
        final LongAdder bytes = new LongAdder();
        final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicLong firstMeasuredSend = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong lastDone = new AtomicLong(Long.MIN_VALUE);

        void record(boolean measured, String path, long intended, long sent, HttpResponse<byte[]> response,
                    Throwable failure) {
            long done = System.nanoTime();
            if (!measured) {
                (failure == null && response.statusCode() == 200 ? warmupOk : warmupErrors).increment();
                return;
            }
            long micros = Math.min((done - intended) / 1000, latency.getHighestTrackableValue());
            latency.recordValue(micros);
            service.recordValue(Math.min((done - sent) / 1000, service.getHighestTrackableValue()));
            firstMeasuredSend.accumulateAndGet(sent, Math::min);
            lastDone.accumulateAndGet(done, Math::max);
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                errors.increment();
                if (cause instanceof HttpTimeoutException) {
                    timeouts.increment();
                }
                errorKinds.computeIfAbsent(cause.getClass().getSimpleName(), x -> new LongAdder()).increment();
                if (failures.size() < 3) {
                    failures.add(path + ": " + cause);
                }
            } else if (response.statusCode() == 200) {
                ok.increment();
                byte[] body = response.body();
                bytes.add(body.length);
                boolean hit = contains(body, CACHED);
                if (hit) {
                    cached.increment();
                    cachedLatency.recordValue(micros);
                } else {
                    computedLatency.recordValue(micros);
                }
                if (contains(body, COLD_START)) {
                    coldStart.increment();
                }
            } else {
                errors.increment();
                errorKinds.computeIfAbsent("HTTP " + response.statusCode(), x -> new LongAdder()).increment();
                if (failures.size() < 3) {
                    failures.add(path + ": HTTP " + response.statusCode() + " " + Api.excerpt(response.body()));
                }
            }
        }
    }

    int run() throws InterruptedException {
        ExecutorService callbacks = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "http-callbacks");
            t.setDaemon(true);
            return t;
        });
        Api api = new Api(port, token, timeout, callbacks);
        Paths paths = new Paths();
        Tally tally = new Tally();
        boolean cold = pass.equals("cold");
        Duration warm = cold ? Duration.ZERO : warmup;
        System.out.printf("recommendations: scene %s, pass %s, %s model (%s), %d s warm-up + %d s%s, %d customers "
                        + "+ %d %% unknown, to %s/recommendations/{id}%n", scene, pass, mode,
                mode.equals("open") ? String.format("%,d req/s, at most %d in flight", rate, maxInFlight)
                        : concurrency + " in flight", warm.toSeconds(), duration.toSeconds(),
                cold ? " at most (" + paths.size() + " requests, every customer once)" : "", customers,
                unknownPercent, api.base());
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.OperatingSystemMXBean jvm = os instanceof com.sun.management.OperatingSystemMXBean m ? m : null;
        long[] cpuAtMeasure = {-1};
        long start = System.nanoTime() + 200_000_000L;
        long measureFrom = start + warm.toNanos();
        long endAt = measureFrom + duration.toNanos();
        Map<String, Object> result = new LinkedHashMap<>();
        boolean drained;
        long notSent = 0;
        long capWaits = 0;
        if (mode.equals("closed")) {
            drained = closed(api, paths, tally, start, measureFrom, endAt, jvm, cpuAtMeasure);
        } else {
            long[] counts = open(api, paths, tally, start, measureFrom, endAt, jvm, cpuAtMeasure);
            notSent = counts[0];
            capWaits = counts[1];
            drained = counts[2] == 1;
        }
        callbacks.shutdown();
        long measuredEnd = tally.lastDone.get();
        double driverCores = -1;
        if (jvm != null && cpuAtMeasure[0] >= 0 && measuredEnd != Long.MIN_VALUE) {
            driverCores = (jvm.getProcessCpuTime() - cpuAtMeasure[0]) / (double) (measuredEnd - measureFrom);
        }
        long from = Math.max(measureFrom, Math.min(tally.firstMeasuredSend.get(), measuredEnd));
        double window = measuredEnd == Long.MIN_VALUE ? 0 : (measuredEnd - from) / 1e9;
        long ok = tally.ok.sum();
        double achieved = window > 0 ? ok / window : 0;

        result.put("scenario", "recommendations");
        result.put("path", "/recommendations/{id}?scene=" + scene + (scene.equals("product") ? "&itemId=..." : ""));
        result.put("scene", scene);
        result.put("pass", pass);
        result.put("mode", mode);
        if (mode.equals("open")) {
            result.put("targetRate", rate);
            result.put("maxInFlight", maxInFlight);
            result.put("notSent", notSent);
            result.put("inFlightCapWaits", capWaits);
        } else {
            result.put("concurrency", concurrency);
        }
        result.put("warmupSeconds", warm.toSeconds());
        result.put("durationSeconds", duration.toSeconds());
        result.put("customers", customers);
        result.put("unknownSharePercent", unknownPercent);
        result.put("k", k);
        result.put("warmupOk", tally.warmupOk.sum());
        result.put("warmupErrors", tally.warmupErrors.sum());
        long requests = ok + tally.errors.sum();
        result.put("requests", requests);
        result.put("ok", ok);
        result.put("errors", tally.errors.sum());
        result.put("timeouts", tally.timeouts.sum());
        Map<String, Long> kinds = new LinkedHashMap<>();
        tally.errorKinds.forEach((key, v) -> kinds.put(key, v.sum()));
        result.put("errorsByKind", kinds);
        result.put("achievedRate", Report.round(achieved, 1));
        result.put("windowSeconds", Report.round(window, 3));
        result.put("cachedShare", ok == 0 ? 0 : Report.round(tally.cached.sum() / (double) ok, 4));
        result.put("coldStartShare", ok == 0 ? 0 : Report.round(tally.coldStart.sum() / (double) ok, 4));
        result.put("meanResponseBytes", ok == 0 ? 0 : tally.bytes.sum() / ok);
        result.put("latencyMs", Report.latencyMs(tally.latency));
        result.put("serviceTimeMs", Report.latencyMs(tally.service));
        result.put("cachedLatencyMs", Report.latencyMs(tally.cachedLatency));
        result.put("computedLatencyMs", Report.latencyMs(tally.computedLatency));
        result.put("drained", drained);
        result.put("firstFailures", tally.failures.stream().limit(3).toList());
        result.put("driverCpuCores", Report.round(driverCores, 2));
        result.put("availableProcessors", Runtime.getRuntime().availableProcessors());

        System.out.printf("recommendations: %,d requests, %,d ok, %,d errors (%s); achieved %,.0f req/s over %.1f s%n",
                requests, ok, tally.errors.sum(), kinds, achieved, window);
        System.out.printf("recommendations: cached %.1f %% of the 200s, cold start %.1f %%, %,d bytes per response%n",
                ok == 0 ? 0 : 100.0 * tally.cached.sum() / ok, ok == 0 ? 0 : 100.0 * tally.coldStart.sum() / ok,
                ok == 0 ? 0 : tally.bytes.sum() / ok);
        if (!warm.isZero()) {
            System.out.printf("recommendations: warm-up: %,d ok, %,d failed%s%n", tally.warmupOk.sum(),
                    tally.warmupErrors.sum(), notSent > 0 && ok == 0
                            ? " (the service never caught up with the warm-up: no measured request was sent)" : "");
        }
        System.out.println("recommendations: latency " + (mode.equals("open") ? "from intended start " : "")
                + Report.latencyLine(tally.latency));
        if (tally.cachedLatency.getTotalCount() > 0 && tally.computedLatency.getTotalCount() > 0) {
            System.out.println("recommendations:   cached   " + Report.latencyLine(tally.cachedLatency));
            System.out.println("recommendations:   computed " + Report.latencyLine(tally.computedLatency));
        }
        if (mode.equals("open")) {
            System.out.println("recommendations: service time (from actual send) " + Report.latencyLine(tally.service));
            if (capWaits > 0) {
                System.out.printf("recommendations: %,d requests waited for a free in-flight slot (cap %d), %,d never "
                        + "sent: the service fell behind%n", capWaits, maxInFlight, notSent);
            }
        }
        if (driverCores >= 0) {
            System.out.printf("recommendations: driver CPU %.2f cores of %d while measuring%n", driverCores,
                    Runtime.getRuntime().availableProcessors());
        }
        if (!tally.failures.isEmpty()) {
            System.out.println("recommendations: first failure: " + tally.failures.peek());
        }
        Report.emit(result, out);
        return tally.errors.sum() > 0 || ok == 0 || !drained ? 1 : 0;
    }

    /**
     * Closed model: {@code concurrency} chains, each sending its next request when its previous one completed,
     * until the end of the run (or of the cold pass). Requests sent before {@code measureFrom} are the warm-up.
     */
    private boolean closed(Api api, Paths paths, Tally tally, long start, long measureFrom, long endAt,
                           com.sun.management.OperatingSystemMXBean jvm, long[] cpuAtMeasure)
            throws InterruptedException {
        AtomicLong next = new AtomicLong();
        long size = paths.size();
        CountDownLatch finished = new CountDownLatch(concurrency);
        waitUntil(start);
        Thread cpuMark = new Thread(() -> {
            waitUntil(measureFrom);
            if (jvm != null) {
                cpuAtMeasure[0] = jvm.getProcessCpuTime();
            }
        });
        cpuMark.setDaemon(true);
        cpuMark.start();
        for (int c = 0; c < concurrency; c++) {
            sendNext(api, paths, tally, next, size, measureFrom, endAt, finished);
        }
        long patience = Math.max(0, endAt - System.nanoTime()) + timeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
        return finished.await(patience, TimeUnit.NANOSECONDS);
    }

    private void sendNext(Api api, Paths paths, Tally tally, AtomicLong next, long size, long measureFrom, long endAt,
                          CountDownLatch finished) {
        long sent = System.nanoTime();
        long i = next.getAndIncrement();
        if (sent >= endAt || (size >= 0 && i >= size)) {
            finished.countDown();
            return;
        }
        String path = paths.path(i);
        boolean measured = sent >= measureFrom;
        api.sendAsync(api.get(path)).whenComplete((response, failure) -> {
            tally.record(measured, path, sent, sent, response, failure);
            sendNext(api, paths, tally, next, size, measureFrom, endAt, finished);
        });
    }

    /**
     * Open model, as {@link C360Scenario}: request {@code i} due at {@code start + i / rate}, latency from then.
     * Returns {not sent, in-flight cap waits, drained ? 1 : 0}.
     */
    private long[] open(Api api, Paths paths, Tally tally, long start, long measureFrom, long endAt,
                        com.sun.management.OperatingSystemMXBean jvm, long[] cpuAtMeasure)
            throws InterruptedException {
        double period = 1e9 / rate;
        long warmCount = (long) ((measureFrom - start) / period);
        long planned = warmCount + (long) ((endAt - measureFrom) / period);
        long total = paths.size() >= 0 ? Math.min(planned, paths.size()) : planned;
        long giveUpAt = start + (long) (total * period) + timeout.toNanos();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long capWaits = 0;
        long notSentFrom = total;
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * period);
            waitUntil(intended);
            if (!inFlight.tryAcquire()) {
                capWaits++;
                long left = giveUpAt - System.nanoTime();
                if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    notSentFrom = i;
                    break;
                }
            }
            if (i == warmCount && jvm != null) {
                cpuAtMeasure[0] = jvm.getProcessCpuTime();
            }
            long sent = System.nanoTime();
            boolean measured = i >= warmCount;
            String path = paths.path(i);
            api.sendAsync(api.get(path)).whenComplete((response, failure) -> {
                inFlight.release();
                tally.record(measured, path, intended, sent, response, failure);
            });
        }
        long sendEnd = System.nanoTime();
        long notSent = 0;
        for (long i = Math.max(notSentFrom, warmCount); i < total; i++) {
            long intended = start + (long) (i * period);
            tally.latency.recordValue(Math.min(Math.max(0, sendEnd - intended) / 1000,
                    tally.latency.getHighestTrackableValue()));
            notSent++;
        }
        if (notSent > 0) {
            tally.errors.add(notSent);
            tally.errorKinds.computeIfAbsent("notSent", x -> new LongAdder()).add(notSent);
            tally.failures.add(notSent + " requests could not be sent before the end of the run (all " + maxInFlight
                    + " in-flight slots taken)");
        }
        boolean drained = inFlight.tryAcquire(maxInFlight, timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
        return new long[] {notSent, capWaits, drained ? 1 : 0};
    }

    private static boolean contains(byte[] body, byte[] needle) {
        outer:
        for (int i = 0, last = body.length - needle.length; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (body[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Sleeps until the given {@link System#nanoTime()}, spinning only for the last few microseconds. */
    private static void waitUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            if (left > 200_000) {
                LockSupport.parkNanos(left - 100_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
