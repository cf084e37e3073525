package io.lodestar.customerprofile.bulkimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import io.lodestar.platform.problem.ConflictException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The life of an import job's row: created queued, started, its progress saved, finished or failed; and reads. */
@ApplicationScoped
public class ImportJobService {

    private final ImportJobRepository jobs;

    public ImportJobService(ImportJobRepository jobs) {
        this.jobs = jobs;
    }

    /** Where a running job has got to. */
    public record Progress(ImportCounts counts, ImportResults results, double percent) {
    }

    /** What a finished job leaves: its final figures, decisions and report. */
    public record Outcome(Progress progress, CleaningSummary cleaning, byte[] reportGzip, long reportLines,
            String error) {
    }

    @WithTransaction
    public Uni<ImportJobView> create(ImportJob job) {
        return jobs.persist(job).map(ImportJobView::of);
    }

    @WithTransaction
    public Uni<ImportSettings> start(UUID importId) {
        return job(importId).map(job -> {
            if (job.status != ImportStatus.QUEUED) {
                throw new IllegalStateException("import " + importId + " is " + job.status + ", not queued");
            }
            job.status = ImportStatus.RUNNING;
            job.startedAt = Instant.now();
            job.heartbeatAt = job.startedAt;
            return job.settings;
        });
    }

    @WithTransaction
    public Uni<Void> progress(UUID importId, Progress progress) {
        return job(importId).invoke(job -> {
            apply(job, progress);
            job.heartbeatAt = Instant.now();
        }).replaceWithVoid();
    }

    /** Ends the job: succeeded when {@code outcome.error} is null, else failed with it. */
    @WithTransaction
    public Uni<Void> finish(UUID importId, Outcome outcome) {
        return job(importId).chain(job -> {
            apply(job, outcome.progress());
            job.cleaning = outcome.cleaning();
            job.error = outcome.error();
            job.status = outcome.error() == null ? ImportStatus.SUCCEEDED : ImportStatus.FAILED;
            if (job.startedAt == null) {
                job.startedAt = Instant.now();
            }
            job.finishedAt = Instant.now();
            ImportReport report = new ImportReport();
            report.importId = importId;
            report.csvGzip = outcome.reportGzip();
            report.lines = outcome.reportLines();
            return jobs.persistReport(report);
        });
    }

    /** The holder of these jobs is alive: renews their heartbeat. */
    @WithTransaction
    public Uni<Integer> renewHeartbeats(Collection<UUID> importIds) {
        return importIds.isEmpty() ? Uni.createFrom().item(0) : jobs.renewHeartbeats(importIds, Instant.now());
    }

    /**
     * Fails the queued or running jobs whose heartbeat stopped longer than {@code staleAfter} ago: the replica that
     * held them (and their upload, a working file of that process) is gone. Submitting the file again is safe, since
     * every write of an import is idempotent.
     */
    @WithTransaction
    public Uni<Integer> failAbandoned(Duration staleAfter) {
        Instant now = Instant.now();
        return jobs.findStale(now.minus(staleAfter)).map(stale -> {
            stale.forEach(job -> {
                job.status = ImportStatus.FAILED;
                if (job.startedAt == null) {
                    job.startedAt = now;
                }
                job.finishedAt = now;
                job.error = "interrupted: the service holding the job stopped; submit the file again (what was"
                        + " already written stays and is recognised as unchanged)";
            });
            return stale.size();
        });
    }

    @WithSession
    public Uni<ImportJobView> find(UUID importId) {
        return job(importId).map(ImportJobView::of);
    }

    @WithSession
    public Uni<List<ImportJobView>> newest(int limit) {
        return jobs.findNewest(limit).map(list -> list.stream().map(ImportJobView::of).toList());
    }

    /** The rejected-rows report as CSV (UTF-8); 409 while the job has not finished. */
    @WithSession
    public Uni<byte[]> report(UUID importId) {
        return job(importId).chain(job -> jobs.findReport(importId).map(report -> {
            if (report == null) {
                throw new ConflictException("import " + importId + " is " + job.status.name().toLowerCase()
                        + "; its report is ready when it has finished");
            }
            return gunzip(report.csvGzip);
        }));
    }

    private Uni<ImportJob> job(UUID importId) {
        return jobs.findById(importId).onItem().ifNull().failWith(() -> ResourceNotFoundException.of("import",
                importId));
    }

    private static byte[] gunzip(byte[] gzip) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the stored report is not gzip", e);
        }
    }

    private static void apply(ImportJob job, Progress progress) {
        ImportCounts counts = progress.counts();
        job.rowsRead = counts.read();
        job.rowsAccepted = counts.accepted();
        job.rowsRejected = counts.rejected();
        job.rowsDuplicate = counts.droppedDuplicates();
        job.results = progress.results();
        job.progressPercent = BigDecimal.valueOf(Math.min(100, Math.max(0, progress.percent())))
                .setScale(2, RoundingMode.HALF_UP);
    }
}
