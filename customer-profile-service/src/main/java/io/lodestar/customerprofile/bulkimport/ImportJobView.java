package io.lodestar.customerprofile.bulkimport;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An import job as {@code GET /imports/{id}} shows it.
 *
 * @param progressPercent  share of the upload read so far (customers are read twice: 0–50 % is the first pass)
 * @param rowsPerSecond    rows read per second of the job's run so far
 * @param rejectedRowsUrl  the report of rejected, dropped and unwritten rows (once the job has finished)
 */
public record ImportJobView(UUID importId, ImportKind kind, ImportStatus status, String fileName, long fileBytes,
        ImportSettings settings, Instant submittedAt, Instant startedAt, Instant finishedAt,
        BigDecimal progressPercent, Long rowsPerSecond, Rows rows, ImportResults results, CleaningSummary cleaning,
        String error, String rejectedRowsUrl) {

    /** Every row read ends in exactly one of the other three. */
    public record Rows(long read, long accepted, long rejected, long droppedDuplicates) {
    }

    static ImportJobView of(ImportJob job) {
        Instant end = job.finishedAt != null ? job.finishedAt : Instant.now();
        Long rate = null;
        if (job.startedAt != null) {
            long millis = Math.max(1, Duration.between(job.startedAt, end).toMillis());
            rate = job.rowsRead * 1000 / millis;
        }
        boolean finished = job.status == ImportStatus.SUCCEEDED || job.status == ImportStatus.FAILED;
        return new ImportJobView(job.importId, job.kind, job.status, job.fileName, job.fileBytes, job.settings,
                job.submittedAt, job.startedAt, job.finishedAt, job.progressPercent, rate,
                new Rows(job.rowsRead, job.rowsAccepted, job.rowsRejected, job.rowsDuplicate), job.results,
                job.cleaning, job.error,
                finished ? "/imports/" + job.importId + "/rejected-rows" : null);
    }
}
