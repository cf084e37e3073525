package io.lodestar.bench;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.HdrHistogram.ConcurrentHistogram;

/**
 * {@code GET /customers/{id}/360} (scenario {@code c360}, customer-profile-service) or
 * {@code GET /customers/{id}/segments} (scenario {@code segments}, segmentation-service) or
 * {@code GET /analytics/traffic} (scenario {@code traffic-query}, segmentation-service) at a fixed arrival rate
 * (open model). Request {@code i} is due at
 * {@code start + i / rate}; its latency is measured from that intended time, not from when it was actually sent,
 * so a stalled service cannot hide its stall by slowing the driver down (coordinated omission). The requests in
 * flight are capped ({@code --max-in-flight}); when the cap is reached the next request waits, and that wait is
 * part of its latency. Requests of the warm-up are sent at the same rate and not counted.
 */
final class C360Scenario {

    private final int port;
    private final String token;
    private final int rate;
    private final Duration warmup;
    private final Duration duration;
    private final int maxInFlight;
    private final Duration timeout;
    private final String out;
    private final String name;
    private final String label;
    private final Function<SplittableRandom, String> paths;

    C360Scenario(Options o, int port, String token) {
        this(o, port, token, "c360", "/360", "bench-c");
    }

    /**
     * The same open-model scenario against {@code /customers/{id}<resource>}, with customer ids
     * {@code <--id-prefix><n>} for n uniform in [0, --customers).
     */
    C360Scenario(Options o, int port, String token, String name, String resource, String defaultIdPrefix) {
        this(o, port, token, name, "/customers/{id}" + resource, customerPaths(o, resource, defaultIdPrefix));
    }

    /** The same open-model scenario against the paths {@code paths} draws ({@code label} names them in reports). */
    C360Scenario(Options o, int port, String token, String name, String label,
                 Function<SplittableRandom, String> paths) {
        this.name = name;
        this.label = label;
        this.paths = paths;
        this.port = port;
        this.token = token;
        this.rate = o.integer("rate", 1000, 1, 20_000);
        this.warmup = o.duration("warmup", Duration.ofSeconds(5), Duration.ZERO, Duration.ofMinutes(5));
        this.duration = o.duration("duration", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(15));
        this.maxInFlight = o.integer("max-in-flight", 256, 1, 4096);
        this.timeout = o.duration("timeout", Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMinutes(2));
        this.out = o.string("out", null);
    }

    private static Function<SplittableRandom, String> customerPaths(Options o, String resource, String defaultIdPrefix) {
        String idPrefix = o.string("id-prefix", defaultIdPrefix);
        int customers = o.integer("customers", 1000, 1, 10_000_000);
        return random -> "/customers/" + idPrefix + random.nextInt(customers) + resource;
    }

    int run() throws InterruptedException {
        ExecutorService callbacks = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "http-callbacks");
            t.setDaemon(true);
            return t;
        });
        Api api = new Api(port, token, timeout, callbacks);
        long warmCount = (long) rate * warmup.toSeconds();
        long total = warmCount + (long) rate * duration.toSeconds();
        double period = 1e9 / rate;
        ConcurrentHistogram latency = new ConcurrentHistogram(Duration.ofMinutes(3).toNanos() / 1000, 3);
        ConcurrentHistogram service = new ConcurrentHistogram(Duration.ofMinutes(3).toNanos() / 1000, 3);
        LongAdder ok = new LongAdder();
        LongAdder errors = new LongAdder();
        LongAdder timeouts = new LongAdder();
        LongAdder capWaits = new LongAdder();
        LongAdder warmupOk = new LongAdder();
        LongAdder warmupErrors = new LongAdder();
        Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong lastDone = new AtomicLong(Long.MIN_VALUE);
        AtomicLong maxSendLag = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        SplittableRandom random = new SplittableRandom(0xc360L);

        System.out.printf("%s: %,d req/s for %d s after a %d s warm-up (%,d requests), at most %d in flight, to %s%s%n",
                name, rate, duration.toSeconds(), warmup.toSeconds(), total, maxInFlight, api.base(), label);
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.OperatingSystemMXBean jvm = os instanceof com.sun.management.OperatingSystemMXBean m ? m : null;
        long cpuAtMeasure[] = {-1};
        long start = System.nanoTime() + 200_000_000L;
        long measureFrom = start + (long) (warmCount * period);
        // The run is bounded in time even when the service stalls: what could not be sent by the end of the plan
        // plus one request timeout is given up, counted as failed, with (give-up time - intended start) as latency.
        long giveUpAt = start + (long) (total * period) + timeout.toNanos();
        long notSentFrom = total;
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * period);
            waitUntil(intended);
            if (!inFlight.tryAcquire()) {
                capWaits.increment();
                long left = giveUpAt - System.nanoTime();
                if (left <= 0 || !inFlight.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    notSentFrom = i;
                    break;
                }
            }
            long sent = System.nanoTime();
            maxSendLag.accumulateAndGet(sent - intended, Math::max);
            boolean measured = i >= warmCount;
            if (i == warmCount && jvm != null) {
                cpuAtMeasure[0] = jvm.getProcessCpuTime();
            }
            String path = paths.apply(random);
            api.sendAsync(api.get(path)).whenComplete((response, failure) -> {
                long done = System.nanoTime();
                inFlight.release();
                if (!measured) {
                    (failure == null && response.statusCode() == 200 ? warmupOk : warmupErrors).increment();
                    return;
                }
                latency.recordValue(Math.min((done - intended) / 1000, latency.getHighestTrackableValue()));
                service.recordValue(Math.min((done - sent) / 1000, service.getHighestTrackableValue()));
                lastDone.accumulateAndGet(done, Math::max);
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    errors.increment();
                    if (cause instanceof HttpTimeoutException) {
                        timeouts.increment();
                    }
                    errorKinds.computeIfAbsent(cause.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    if (failures.size() < 3) {
                        failures.add(cause.toString());
                    }
                } else if (response.statusCode() == 200) {
                    ok.increment();
                } else {
                    errors.increment();
                    errorKinds.computeIfAbsent("HTTP " + response.statusCode(), k -> new LongAdder()).increment();
                    if (failures.size() < 3) {
                        failures.add(path + ": HTTP " + response.statusCode() + " " + Api.excerpt(response.body()));
                    }
                }
            });
        }
        long sendEnd = System.nanoTime();
        long notSent = 0;
        for (long i = Math.max(notSentFrom, warmCount); i < total; i++) {
            long intended = start + (long) (i * period);
            latency.recordValue(Math.min(Math.max(0, sendEnd - intended) / 1000, latency.getHighestTrackableValue()));
            notSent++;
        }
        if (notSent > 0) {
            errors.add(notSent);
            errorKinds.computeIfAbsent("notSent", k -> new LongAdder()).add(notSent);
            failures.add(notSent + " requests could not be sent before the end of the run (all " + maxInFlight
                    + " in-flight slots taken)");
        }
        boolean drained = inFlight.tryAcquire(maxInFlight, timeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
        callbacks.shutdown();
        // The driver's own CPU over the measured part, in cores (2 = both cores of the machine): if it is near the
        // machine's core count, the driver and not the service limits the rate.
        double driverCores = -1;
        if (jvm != null && cpuAtMeasure[0] >= 0 && lastDone.get() != Long.MIN_VALUE) {
            driverCores = (jvm.getProcessCpuTime() - cpuAtMeasure[0]) / (double) (System.nanoTime() - measureFrom);
        }

        long measuredRequests = total - warmCount;
        double window = lastDone.get() == Long.MIN_VALUE ? 0 : (lastDone.get() - measureFrom) / 1e9;
        double achieved = window > 0 ? ok.sum() / window : 0;
        double offered = (sendEnd - measureFrom) > 0
                ? (measuredRequests - notSent) / ((sendEnd - measureFrom) / 1e9) : 0;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", name);
        result.put("path", label);
        result.put("targetRate", rate);
        result.put("warmupSeconds", warmup.toSeconds());
        result.put("durationSeconds", duration.toSeconds());
        result.put("maxInFlight", maxInFlight);
        result.put("warmupRequests", warmCount);
        result.put("warmupOk", warmupOk.sum());
        result.put("warmupErrors", warmupErrors.sum());
        result.put("requests", measuredRequests);
        result.put("ok", ok.sum());
        result.put("errors", errors.sum());
        result.put("timeouts", timeouts.sum());
        result.put("notSent", notSent);
        Map<String, Long> kinds = new LinkedHashMap<>();
        errorKinds.forEach((k, v) -> kinds.put(k, v.sum()));
        result.put("errorsByKind", kinds);
        result.put("offeredRate", Report.round(offered, 1));
        result.put("achievedRate", Report.round(achieved, 1));
        result.put("windowSeconds", Report.round(window, 3));
        result.put("latencyMs", Report.latencyMs(latency));
        result.put("serviceTimeMs", Report.latencyMs(service));
        result.put("inFlightCapWaits", capWaits.sum());
        result.put("maxSendLagMs", Report.round(maxSendLag.get() / 1e6, 2));
        result.put("drained", drained);
        result.put("firstFailures", failures.stream().limit(3).toList());
        result.put("driverCpuCores", Report.round(driverCores, 2));
        result.put("availableProcessors", Runtime.getRuntime().availableProcessors());

        System.out.printf("%s: %,d requests, %,d ok, %,d errors (%s); offered %,.0f req/s, achieved %,.0f req/s%n",
                name, measuredRequests, ok.sum(), errors.sum(), kinds, offered, achieved);
        if (warmCount > 0) {
            System.out.printf("%s: warm-up: %,d requests planned, %,d ok, %,d failed (the rest were not sent)%n",
                    name, warmCount, warmupOk.sum(), warmupErrors.sum());
        }
        System.out.println(name + ": latency from intended start " + Report.latencyLine(latency)
                + (notSent > 0 ? " (requests never sent count with their wait until the run gave up: a lower bound)"
                        : ""));
        System.out.println(name + ": service time (from actual send) " + Report.latencyLine(service));
        if (capWaits.sum() > 0) {
            System.out.printf("%s: %,d requests waited for a free in-flight slot (cap %d): the service fell behind%n",
                    name, capWaits.sum(), maxInFlight);
        }
        if (driverCores >= 0) {
            System.out.printf("%s: driver CPU %.2f cores of %d while measuring; largest send lag %.1f ms%n", name,
                    driverCores, Runtime.getRuntime().availableProcessors(), maxSendLag.get() / 1e6);
        }
        if (!failures.isEmpty()) {
            System.out.println(name + ": first failure: " + failures.peek());
        }
        Report.emit(result, out);
        return errors.sum() > 0 || ok.sum() == 0 || !drained ? 1 : 0;
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
