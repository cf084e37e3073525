package io.lodestar.customerprofile.bulkimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.lodestar.customerprofile.config.ImportConfig;
import io.lodestar.platform.problem.InvalidInputException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Accepts an upload as an import job. Everything that can be wrong with the file as a whole is found here, before
 * the 202, so that it is one 400 naming the field and nothing is written: unknown settings, a mapping that does not
 * fit the header, bytes that are not UTF-8, an unbalanced quote, a file without rows. The file is read once for
 * this on a worker thread (about a second for the 47 MB Online Retail file); the job then reads it again.
 */
@ApplicationScoped
public class ImportService {

    private final ImportJobService jobs;
    private final ImportRunner runner;
    private final ImportConfig config;
    private final ObjectMapper json;

    public ImportService(ImportJobService jobs, ImportRunner runner, ImportConfig config, ObjectMapper json) {
        this.jobs = jobs;
        this.runner = runner;
        this.config = config;
        this.json = json;
    }

    /**
     * An uploaded file, where the HTTP layer left it (it deletes it after the request).
     *
     * @param file null when the request had no file part
     */
    public record Upload(Path file, String fileName) {
    }

    public Uni<ImportJobView> submit(@NotNull @Valid SubmitImportRequest request, @NotNull Upload upload,
            String submittedBy) {
        UUID importId = UUID.randomUUID();
        Context context = Vertx.currentContext();
        return Uni.createFrom().item(() -> request.toSettings(json))
                .chain(settings -> Uni.createFrom().item(() -> stage(importId, upload, settings))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        // back on the request's context: the job row is written with Hibernate Reactive
                        .emitOn(command -> context.runOnContext(ignored -> command.run()))
                        .chain(staged -> jobs.create(newJob(importId, settings, upload, staged, submittedBy))
                                .invoke(created -> runner.run(importId, staged))
                                .onFailure().invoke(staged::delete)));
    }

    private StagedUpload stage(UUID importId, Upload upload, ImportSettings settings) {
        if (upload.file() == null) {
            throw new InvalidInputException("file", "is required: the CSV file as the multipart part 'file'");
        }
        StagedUpload staged;
        try {
            Files.createDirectories(config.directory());
            Path target = config.directory().resolve(importId + ".upload");
            Files.move(upload.file(), target, StandardCopyOption.REPLACE_EXISTING);
            staged = new StagedUpload(target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not stage the upload in " + config.directory(), e);
        }
        try {
            check(staged, settings);
            return staged;
        } catch (RuntimeException e) {
            staged.delete();
            throw e;
        }
    }

    /** Reads the whole file as CSV against the mapping; throws {@link ImportFormatException} on the first fault. */
    private static void check(StagedUpload staged, ImportSettings settings) {
        try (InputStream in = staged.open(); CsvRecordReader reader = new CsvRecordReader(in)) {
            settings.mapping().validate(reader.headers());
            long rows = 0;
            while (reader.hasNext()) {
                reader.next();
                rows++;
            }
            if (rows == 0) {
                throw new ImportFormatException("file", 1, "the file has a header but no rows");
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ImportFormatException("file", 1, "the file could not be read as CSV or gzip-compressed CSV: "
                    + e.getMessage());
        }
    }

    private static ImportJob newJob(UUID importId, ImportSettings settings, Upload upload, StagedUpload staged,
            String submittedBy) {
        ImportJob job = new ImportJob();
        job.importId = importId;
        job.kind = settings.kind();
        job.status = ImportStatus.QUEUED;
        job.fileName = upload.fileName() == null || upload.fileName().length() <= 255 ? upload.fileName()
                : upload.fileName().substring(0, 255);
        job.fileBytes = staged.size();
        job.settings = settings;
        job.submittedBy = submittedBy == null || submittedBy.length() <= 200 ? submittedBy
                : submittedBy.substring(0, 200);
        job.submittedAt = Instant.now();
        job.heartbeatAt = job.submittedAt;
        return job;
    }
}
