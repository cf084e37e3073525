package io.lodestar.customerprofile.bulkimport;

import io.lodestar.contracts.customer.GuestCustomers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

import io.lodestar.customerprofile.config.ImportConfig;
import io.lodestar.customerprofile.order.OrderService;
import io.lodestar.customerprofile.order.PlaceOrderRequest;
import io.lodestar.platform.problem.Problem;
import io.lodestar.platform.problem.ProblemExceptionMappers;
import io.quarkus.logging.Log;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * One run of one import job, on the import thread: reads the upload row by row through the {@link ImportCleaner},
 * turns accepted rows into writes (orders and refunds via the {@link OrderAssembler}, or customers), hands them to
 * the database a chunk at a time and saves the job's progress after each chunk. Rows that are rejected, dropped or
 * whose write is refused go to the rejected-rows report with the reason. A failure of the database or the service
 * itself (a 5xx) ends the job as failed; everything written before it stays, and importing the file again is safe.
 * <p>
 * Writes of one chunk run on the writer pool in lanes by key (the customer of an order or profile, the order of a
 * refund), each lane in file order, so that one customer's rows apply in the order the file has them; refunds
 * follow the chunk's orders. Consecutive orders of a lane go to the database several at a time.
 */
final class ImportExecution {

    private final UUID importId;
    private final StagedUpload upload;
    private final ImportJobService jobs;
    private final OrderService orders;
    private final CustomerImportService customers;
    private final ExecutorService writers;
    private final ImportConfig config;

    private final ByteArrayOutputStream reportBytes = new ByteArrayOutputStream();
    private final Map<Long, List<String>> pendingValues = new HashMap<>();
    private final List<Write> chunk = new ArrayList<>();
    private RejectedRowsReport report;
    private Writer reportWriter;
    private ImportCleaner<?> cleaner;
    private CsvRow currentRow;
    private boolean secondPass;
    private long written;
    private long unchanged;
    private long refunds;
    private long guestOrders;
    private long rowsNotWritten;

    /** What a written record counts as when it changed something. */
    private enum Tally {
        RECORD, GUEST_ORDER, REFUND
    }

    /**
     * A write of one record, its source lines, its lane key and its phase in the chunk (refunds after orders).
     *
     * @param order for an order, its request, so that a lane can write several orders in one transaction
     */
    private record Write(String key, List<Long> lines, int phase, Tally tally, Supplier<Uni<WriteOutcome>> action,
            PlaceOrderRequest order) {

        Write(String key, List<Long> lines, int phase, Tally tally, Supplier<Uni<WriteOutcome>> action) {
            this(key, lines, phase, tally, action, null);
        }
    }

    /** What a write did: an outcome, or the refusal's field and reason. */
    private record Result(Write write, WriteOutcome outcome, String field, String reason) {
    }

    /** A failure that ends the job rather than one record. */
    private static final class JobFailure extends RuntimeException {
        JobFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    ImportExecution(UUID importId, StagedUpload upload, ImportJobService jobs, OrderService orders,
            CustomerImportService customers, ExecutorService writers, ImportConfig config) {
        this.importId = importId;
        this.upload = upload;
        this.jobs = jobs;
        this.orders = orders;
        this.customers = customers;
        this.writers = writers;
        this.config = config;
    }

    void run() {
        String error = null;
        try {
            ImportSettings settings = await(() -> jobs.start(importId));
            Log.infof("Import %s: started (%s)", importId, settings.kind());
            if (settings.kind() == ImportKind.ORDER_LINES) {
                importOrderLines(settings);
            } else {
                importCustomers(settings);
            }
        } catch (Exception e) {
            error = describe(e);
            Log.errorf(e, "Import %s failed", importId);
        }
        finish(error);
    }

    private void importOrderLines(ImportSettings settings) throws IOException {
        OrderAssembler assembler = new OrderAssembler();
        try (InputStream in = upload.open(); CsvRecordReader reader = new CsvRecordReader(in)) {
            OrderLineMapper mapper = new OrderLineMapper(settings.mapping(), reader.headers());
            ImportCleaner<OrderLineRecord> lines = ImportCleaner.orderLines(mapper, settings.outliers());
            cleaner = lines;
            openReport(mapper);
            ImportSink<OrderLineRecord> sink = sink(record -> assembler.add(record, this::queue));
            while (reader.hasNext()) {
                currentRow = reader.next();
                lines.process(currentRow, sink);
            }
            assembler.finish(this::queue);
            writeChunk();
        }
    }

    private void importCustomers(ImportSettings settings) throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ImportCleaner<CustomerRecord> rows;
        try (InputStream in = upload.open(); CsvRecordReader reader = new CsvRecordReader(in)) {
            CustomerRowMapper mapper = new CustomerRowMapper(settings.mapping(), reader.headers(), today);
            rows = ImportCleaner.customers(mapper);
            cleaner = rows;
            openReport(mapper);
            long observed = 0;
            while (reader.hasNext()) {
                rows.observe(reader.next());
                if (++observed % config.chunkSize() == 0) {
                    saveProgress();
                }
            }
        }
        secondPass = true;
        try (InputStream in = upload.open(); CsvRecordReader reader = new CsvRecordReader(in)) {
            ImportSink<CustomerRecord> sink = sink(record -> queue(new Write(record.customerId(),
                    List.of(record.line()), 0, Tally.RECORD, () -> customers.write(record))));
            while (reader.hasNext()) {
                currentRow = reader.next();
                rows.process(currentRow, sink);
            }
            writeChunk();
        }
    }

    /** The sink of the final pass: accepted records go on, the others straight to the report. */
    private <R extends ImportRecord> ImportSink<R> sink(Consumer<R> accepted) {
        return new ImportSink<>() {
            @Override
            public void accepted(R record) {
                pendingValues.put(record.line(), currentRow.values());
                accepted.accept(record);
            }

            @Override
            public void rejected(RejectedRow row) {
                report.rejected(row);
            }

            @Override
            public void dropped(DroppedDuplicate row) {
                report.dropped(row);
            }
        };
    }

    private void queue(OrderWrite write) {
        if (write instanceof OrderWrite.PaidOrder paid) {
            Tally tally = GuestCustomers.isGuest(paid.order().customerId()) ? Tally.GUEST_ORDER
                    : Tally.RECORD;
            // lanes by customer: one customer's orders commit, and are published, in file order
            queue(new Write(paid.order().customerId(), paid.lines(), 0, tally, () -> orders.placePaid(paid.order())
                    .map(changed -> changed ? WriteOutcome.WRITTEN : WriteOutcome.UNCHANGED), paid.order()));
        } else if (write instanceof OrderWrite.OrderRefund refund) {
            queue(new Write(refund.orderId(), refund.lines(), 1, Tally.REFUND,
                    () -> orders.refund(refund.orderId(), refund.refund())
                            .map(o -> o.changed() ? WriteOutcome.WRITTEN : WriteOutcome.UNCHANGED)));
        } else if (write instanceof OrderWrite.NotWritable no) {
            no.lines().forEach(line -> report.notWritten(line, no.field(), no.reason(), values(line)));
            rowsNotWritten += no.lines().size();
        }
    }

    /** Adds a write; a full chunk is written at once (a group's writes all arrive in one call, so never split). */
    private void queue(Write write) {
        chunk.add(write);
        if (chunk.size() >= config.chunkSize()) {
            writeChunk();
        }
    }

    private void writeChunk() {
        for (int phase = 0; phase <= 1; phase++) {
            int current = phase;
            List<Write> writes = chunk.stream().filter(w -> w.phase() == current).toList();
            if (!writes.isEmpty()) {
                tally(inLanes(writes));
            }
        }
        chunk.stream().flatMap(w -> w.lines().stream()).forEach(pendingValues::remove);
        chunk.clear();
        saveProgress();
    }

    private List<Result> inLanes(List<Write> writes) {
        int laneCount = Math.max(1, config.writeConcurrency());
        List<List<Write>> lanes = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new ArrayList<>());
        }
        writes.forEach(w -> lanes.get(Math.floorMod(w.key().hashCode(), laneCount)).add(w));
        List<Future<List<Result>>> running = lanes.stream().filter(lane -> !lane.isEmpty())
                .map(lane -> writers.submit(() -> writeLane(lane)))
                .toList();
        List<Result> results = new ArrayList<>(writes.size());
        try {
            for (Future<List<Result>> lane : running) {
                results.addAll(lane.get(config.chunkTimeout().toMillis(), TimeUnit.MILLISECONDS));
            }
        } catch (ExecutionException e) {
            running.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof JobFailure failure ? failure
                    : new JobFailure("a write failed unexpectedly", e.getCause());
        } catch (TimeoutException e) {
            running.forEach(f -> f.cancel(true));
            throw new JobFailure("a chunk of writes took longer than " + config.chunkTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailure("the service is stopping", e);
        }
        return results;
    }

    /** Runs on a writer thread: the lane's writes in order, consecutive orders several to a transaction. */
    private List<Result> writeLane(List<Write> lane) {
        List<Result> results = new ArrayList<>(lane.size());
        int i = 0;
        while (i < lane.size()) {
            if (lane.get(i).order() == null) {
                results.add(write(lane.get(i++)));
                continue;
            }
            int end = i;
            while (end < lane.size() && end - i < config.ordersPerTransaction() && lane.get(end).order() != null) {
                end++;
            }
            results.addAll(writeOrders(lane.subList(i, end)));
            i = end;
        }
        return results;
    }

    private List<Result> writeOrders(List<Write> writes) {
        List<OrderService.Batched> batched;
        try {
            batched = await(() -> orders.placePaidAll(writes.stream().map(Write::order).toList()));
        } catch (RuntimeException e) {
            // the database refused the transaction: one by one, so that only the faulty order is refused
            Log.debugf(e, "Import %s: a transaction of %d orders failed; writing them one by one", importId,
                    writes.size());
            return writes.stream().map(this::write).toList();
        }
        List<Result> results = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            OrderService.Batched outcome = batched.get(i);
            results.add(outcome.refusal() != null ? refused(writes.get(i), outcome.refusal())
                    : new Result(writes.get(i), outcome.changed() ? WriteOutcome.WRITTEN : WriteOutcome.UNCHANGED,
                            null, null));
        }
        return results;
    }

    /** Runs on a writer thread: one record in its own transaction, its refusal turned into a reason. */
    private Result write(Write write) {
        try {
            return new Result(write, await(write.action()), null, null);
        } catch (Exception e) {
            return refused(write, e);
        }
    }

    /** The refusal of a write as its report reason; a failure of the service itself (5xx) ends the job. */
    private Result refused(Write write, Throwable e) {
        Problem problem = ProblemExceptionMappers.toProblem(e, null);
        if (problem.status() >= 500) {
            throw new JobFailure("writing line " + write.lines().get(0) + " failed: " + problem.detail(), e);
        }
        List<Problem.Violation> violations = problem.violations();
        if (violations != null && !violations.isEmpty()) {
            Problem.Violation first = violations.get(0);
            return new Result(write, null, first.field(), first.message());
        }
        return new Result(write, null, Reason.ROW, problem.detail());
    }

    private void tally(List<Result> results) {
        Set<Long> failedLines = new HashSet<>();
        for (Result result : results) {
            if (result.outcome() == null) {
                for (Long line : result.write().lines()) {
                    report.notWritten(line, result.field(), result.reason(), values(line));
                    failedLines.add(line);
                }
            } else if (result.outcome() == WriteOutcome.UNCHANGED) {
                unchanged++;
            } else {
                switch (result.write().tally()) {
                    case RECORD -> written++;
                    case GUEST_ORDER -> {
                        written++;
                        guestOrders++;
                    }
                    case REFUND -> refunds++;
                }
            }
        }
        rowsNotWritten += failedLines.size();
    }

    private void saveProgress() {
        await(() -> jobs.progress(importId, progress()));
    }

    private ImportJobService.Progress progress() {
        double fraction = upload.fractionRead();
        boolean twoPasses = cleaner != null && cleaner.needsFirstPass();
        double percent = twoPasses ? (secondPass ? 50 + 50 * fraction : 50 * fraction) : 100 * fraction;
        ImportCounts counts = cleaner == null ? new ImportCounts(0, 0, 0, 0) : cleaner.counts();
        return new ImportJobService.Progress(counts,
                new ImportResults(written, unchanged, refunds, guestOrders, rowsNotWritten), percent);
    }

    private void finish(String error) {
        CleaningSummary cleaning = CleaningSummary.NONE;
        long reportLines = 0;
        try {
            if (report != null) {
                reportLines = report.lines();
                report.flush();
                reportWriter.close();
            } else {
                // the job failed before it could read the header: an empty report, still a valid download
                try (Writer empty = new OutputStreamWriter(new GZIPOutputStream(reportBytes), StandardCharsets.UTF_8)) {
                    empty.write("line,field,reason\r\n");
                }
            }
            if (cleaner != null && error == null) {
                cleaning = new CleaningSummary(cleaner.decisions(),
                        cleaner.spendOutliers().stream().map(FlaggedOutlier::of).toList());
            }
        } catch (IOException | RuntimeException e) {
            error = error != null ? error : describe(e);
        }
        ImportJobService.Progress now = progress();
        ImportJobService.Progress last = error == null
                ? new ImportJobService.Progress(now.counts(), now.results(), 100)
                : now;
        ImportJobService.Outcome outcome = new ImportJobService.Outcome(last, cleaning, reportBytes.toByteArray(),
                reportLines, error);
        await(() -> jobs.finish(importId, outcome));
        Log.infof("Import %s: %s, %s, %s", importId, error == null ? "succeeded" : "failed: " + error,
                last.counts(), last.results());
    }

    private void openReport(RowMapper<?> mapper) throws IOException {
        reportWriter = new OutputStreamWriter(new GZIPOutputStream(reportBytes), StandardCharsets.UTF_8);
        report = new RejectedRowsReport(reportWriter, mapper);
    }

    private List<String> values(long line) {
        return pendingValues.getOrDefault(line, List.of());
    }

    private static String describe(Throwable e) {
        if (e instanceof ImportFormatException || e instanceof JobFailure) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            return "the upload could not be read: " + e.getMessage();
        }
        Problem problem = ProblemExceptionMappers.toProblem(e, null);
        return problem.status() >= 500 ? "internal error (logged)" : problem.detail();
    }

    /** Runs reactive service code from this blocking thread, on a Vert.x context of its own. */
    private static <T> T await(Supplier<Uni<T>> action) {
        try {
            return VertxContextSupport.subscribeAndAwait(action);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
