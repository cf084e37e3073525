package io.lodestar.customerprofile.bulkimport;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.lodestar.customerprofile.config.ImportConfig;
import io.lodestar.customerprofile.order.OrderService;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs import jobs off the event loop: one job at a time on a thread of its own (a job is mostly parsing and waiting
 * for the database; two at once would only compete for the same cores), writing through a small pool so that
 * several orders or customers are in flight. Keeps the heartbeat of the jobs it holds, and fails the jobs of
 * replicas that stopped holding theirs.
 */
@ApplicationScoped
public class ImportRunner {

    /** A job without a heartbeat for this long has lost its replica. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private final ImportJobService jobs;
    private final OrderService orders;
    private final CustomerImportService customers;
    private final ImportConfig config;
    private final ExecutorService jobThread = Executors.newSingleThreadExecutor(named("lodestar-import"));
    private final ExecutorService writers;
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();

    public ImportRunner(ImportJobService jobs, OrderService orders, CustomerImportService customers,
            ImportConfig config) {
        this.jobs = jobs;
        this.orders = orders;
        this.customers = customers;
        this.config = config;
        this.writers = Executors.newFixedThreadPool(config.writeConcurrency(), named("lodestar-import-writer"));
    }

    /** Queues a created job; it starts when the jobs before it have finished. */
    public void run(UUID importId, StagedUpload upload) {
        held.add(importId);
        jobThread.execute(() -> {
            try {
                new ImportExecution(importId, upload, jobs, orders, customers, writers, config).run();
            } catch (RuntimeException e) {
                Log.errorf(e, "Import %s: the job could not record its end", importId);
            } finally {
                held.remove(importId);
                upload.delete();
            }
        });
    }

    @Scheduled(identity = "lodestar-import-heartbeat", every = "30s", concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> heartbeat() {
        return jobs.renewHeartbeats(List.copyOf(held))
                .chain(() -> jobs.failAbandoned(STALE_AFTER))
                .invoke(failed -> {
                    if (failed > 0) {
                        Log.warnf("Imports: %d job(s) of a stopped replica marked failed", failed);
                    }
                })
                .onFailure().invoke(failure -> Log.warnf("Import heartbeat failed: %s", failure.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @PreDestroy
    void stop() {
        jobThread.shutdownNow();
        writers.shutdownNow();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
