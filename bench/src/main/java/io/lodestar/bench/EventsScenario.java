package io.lodestar.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sustained ingestion: {@code senders} threads each post a batch, wait for the 202, check every item was accepted,
 * and post the next one (closed model: throughput is what the service sustains). Batches started during the
 * warm-up are sent and checked but not counted; the run stops at the end of the duration or after
 * {@code --batches} measured batches, whichever comes first.
 */
final class EventsScenario {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final Api api;
    private final int senders;
    private final int batchSize;
    private final Duration warmup;
    private final Duration duration;
    private final int maxBatches;
    private final int maxErrors;
    private final EventFactory factory;
    private final String out;

    EventsScenario(Options o, Api api) {
        this.api = api;
        this.senders = o.integer("senders", 4, 1, 64);
        this.batchSize = o.integer("batch-size", 500, 1, 1000);
        this.warmup = o.duration("warmup", Duration.ofSeconds(10), Duration.ZERO, Duration.ofMinutes(5));
        this.duration = o.duration("duration", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofMinutes(15));
        this.maxBatches = o.integer("batches", 0, 0, 10_000_000);
        this.maxErrors = o.integer("max-errors", 10, 0, 1000);
        this.factory = new EventFactory(o.integer("customers", 10_000, 1, 10_000_000),
                o.integer("items", 5_000, 1, 10_000_000));
        this.out = o.string("out", null);
    }

    /** What one sender measured (merged at the end; each is written by one thread only). */
    private static final class Sender {
        final Histogram latency = new Histogram(Duration.ofMinutes(2).toNanos() / 1000, 3);
        long batches;
        long events;
        long bodyBytes;
        long firstStart = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;
        long warmupBatches;
    }

    int run() throws InterruptedException {
        long begin = System.nanoTime();
        long warmEnd = begin + warmup.toNanos();
        long deadline = warmEnd + duration.toNanos();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong measuredStarted = new AtomicLong();
        LongAdder errors = new LongAdder();
        Map<Integer, LongAdder> errorStatuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Sender> results = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        System.out.printf("events: %d senders, batches of %d, warm-up %d s, then %d s%s, to %s/events%n", senders,
                batchSize, warmup.toSeconds(), duration.toSeconds(),
                maxBatches > 0 ? " or " + maxBatches + " batches" : "", api.base());
        for (int t = 0; t < senders; t++) {
            Sender s = new Sender();
            results.add(s);
            // Seeded afresh on every run: a second run must not send the first run's eventIds (duplicates).
            long seed = SEEDS.nextLong();
            Thread thread = new Thread(() -> {
                java.util.Random random = new java.util.Random(seed);
                while (!stop.get()) {
                    long now = System.nanoTime();
                    if (now >= deadline) {
                        break;
                    }
                    boolean measured = now >= warmEnd;
                    if (measured && maxBatches > 0 && measuredStarted.incrementAndGet() > maxBatches) {
                        break;
                    }
                    byte[] body = factory.batch(batchSize, random, Instant.now());
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> response;
                    try {
                        response = api.send(api.post("/events", body));
                    } catch (IOException e) {
                        errors.increment();
                        errorStatuses.computeIfAbsent(-1, k -> new LongAdder()).increment();
                        failures.add("request failed: " + e);
                        if (errors.sum() > maxErrors) {
                            stop.set(true);
                        }
                        continue;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long t1 = System.nanoTime();
                    if (response.statusCode() != 202) {
                        errors.increment();
                        errorStatuses.computeIfAbsent(response.statusCode(), k -> new LongAdder()).increment();
                        failures.add("HTTP " + response.statusCode() + ": " + Api.excerpt(response.body()));
                        if (errors.sum() > maxErrors) {
                            stop.set(true);
                        }
                        continue;
                    }
                    String problem = checkAllAccepted(response.body());
                    if (problem != null) {
                        // A rejected or duplicate item is a driver or service bug, not load: stop at once.
                        failures.add(problem);
                        errors.increment();
                        errorStatuses.computeIfAbsent(0, k -> new LongAdder()).increment();
                        stop.set(true);
                        break;
                    }
                    if (measured) {
                        s.latency.recordValue(Math.min((t1 - t0) / 1000, s.latency.getHighestTrackableValue()));
                        s.batches++;
                        s.events += batchSize;
                        s.bodyBytes += body.length;
                        s.firstStart = Math.min(s.firstStart, t0);
                        s.lastEnd = Math.max(s.lastEnd, t1);
                    } else {
                        s.warmupBatches++;
                    }
                }
            }, "sender-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        long joinBy = deadline + Duration.ofMinutes(1).toNanos();
        for (Thread thread : threads) {
            long left = Math.max(1, (joinBy - System.nanoTime()) / 1_000_000);
            thread.join(left);
            if (thread.isAlive()) {
                stop.set(true);
                failures.add(thread.getName() + " still waiting for an answer a minute after the end; abandoned");
                errors.increment();
            }
        }

        Histogram latency = new Histogram(Duration.ofMinutes(2).toNanos() / 1000, 3);
        long batches = 0;
        long events = 0;
        long bodyBytes = 0;
        long warmupBatches = 0;
        long firstStart = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;
        for (Sender s : results) {
            latency.add(s.latency);
            batches += s.batches;
            events += s.events;
            bodyBytes += s.bodyBytes;
            warmupBatches += s.warmupBatches;
            firstStart = Math.min(firstStart, s.firstStart);
            lastEnd = Math.max(lastEnd, s.lastEnd);
        }
        double window = batches == 0 ? 0 : (lastEnd - firstStart) / 1e9;
        double rate = window > 0 ? events / window : 0;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scenario", "events");
        result.put("senders", senders);
        result.put("batchSize", batchSize);
        result.put("warmupSeconds", warmup.toSeconds());
        result.put("durationSeconds", duration.toSeconds());
        result.put("warmupBatches", warmupBatches);
        result.put("batches", batches);
        result.put("events", events);
        result.put("windowSeconds", Report.round(window, 3));
        result.put("eventsPerSecond", Report.round(rate, 1));
        result.put("batchesPerSecond", Report.round(window > 0 ? batches / window : 0, 2));
        result.put("avgBatchBytes", batches == 0 ? 0 : bodyBytes / batches);
        result.put("batchLatencyMs", Report.latencyMs(latency));
        result.put("errors", errors.sum());
        Map<String, Long> byStatus = new LinkedHashMap<>();
        errorStatuses.forEach((k, v) -> byStatus.put(k == -1 ? "io" : k == 0 ? "notAllAccepted" : String.valueOf(k),
                v.sum()));
        result.put("errorsByStatus", byStatus);
        result.put("firstFailures", failures.stream().limit(3).toList());

        System.out.printf("events: %,d events in %,d batches over %.1f s (after %d warm-up batches): %,.0f events/s%n",
                events, batches, window, warmupBatches, rate);
        System.out.println("events: batch latency " + Report.latencyLine(latency));
        if (errors.sum() > 0) {
            System.out.printf("events: FAILED: %d error(s) %s; first: %s%n", errors.sum(), byStatus,
                    failures.peek());
        }
        Report.emit(result, out);
        return errors.sum() > 0 || batches == 0 ? 1 : 0;
    }

    /** Null when every item of the answer is {@code accepted}; otherwise what went wrong, with the reasons. */
    private String checkAllAccepted(byte[] body) {
        JsonNode answer;
        try {
            answer = Api.JSON.readTree(body);
        } catch (IOException e) {
            return "202 with an unreadable body: " + Api.excerpt(body);
        }
        JsonNode items = answer.path("results");
        if (!items.isArray() || items.size() != batchSize) {
            return "202 without one result per event (" + items.size() + " for " + batchSize + "): "
                    + Api.excerpt(body);
        }
        int accepted = 0;
        List<String> wrong = new ArrayList<>();
        for (JsonNode item : items) {
            String status = item.path("status").asText();
            if ("accepted".equals(status)) {
                accepted++;
            } else if (wrong.size() < 3) {
                wrong.add(item.toString());
            }
        }
        if (accepted != batchSize || answer.path("accepted").asInt(-1) != batchSize) {
            return "only " + accepted + " of " + batchSize + " events accepted (summary: accepted="
                    + answer.path("accepted") + ", duplicates=" + answer.path("duplicates") + ", rejected="
                    + answer.path("rejected") + "); e.g. " + wrong;
        }
        return null;
    }
}
