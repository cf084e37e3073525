package io.lodestar.customerprofile.bulkimport;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Runs one import's rows through mapping and cleaning, in the order analysts apply them: rows breaking a rule
 * are rejected with reasons; of the valid rows, exact duplicates of an earlier row are dropped; the rest are
 * cleaned (zero prices flagged, spend summed for the outlier rule, missing ages imputed) and accepted. Each
 * outcome goes to the job's {@link ImportSink} as it happens, so rows stream through in constant memory
 * (apart from the duplicate fingerprints and the per-customer spend).
 * <p>
 * Order lines take one pass: {@link #process} every row, then read {@link #spendOutliers()}. Customers take
 * two, because the median age is known only at the end: {@link #observe} every row, then {@link #process}
 * every row again (the job re-reads its stored upload). Only the final pass counts rows and sends outcomes.
 */
public final class ImportCleaner<R extends ImportRecord> {

    private final RowMapper<R> mapper;
    private final KindCleaning<R> cleaning;
    private ExactDuplicateFilter duplicates = new ExactDuplicateFilter();
    private long observed;
    private boolean finalPass;
    private long read;
    private long accepted;
    private long rejected;

    private ImportCleaner(RowMapper<R> mapper, KindCleaning<R> cleaning) {
        this.mapper = mapper;
        this.cleaning = cleaning;
    }

    /** Order lines, with the outlier rule for customers' spend. */
    public static ImportCleaner<OrderLineRecord> orderLines(OrderLineMapper mapper, OutlierRule rule) {
        return new ImportCleaner<>(mapper, new OrderLineCleaning(rule));
    }

    /** Customer profiles (two passes). */
    public static ImportCleaner<CustomerRecord> customers(CustomerRowMapper mapper) {
        return new ImportCleaner<>(mapper, new CustomerCleaning());
    }

    /** Whether every row must go through {@link #observe} before {@link #process}. */
    public boolean needsFirstPass() {
        return cleaning.needsFirstPass();
    }

    /** First pass (customers only): learns the median age from the valid, non-duplicate rows. */
    public void observe(CsvRow row) {
        if (!cleaning.needsFirstPass() || finalPass) {
            throw new IllegalStateException(finalPass ? "the first pass is over" : "this import takes one pass");
        }
        observed++;
        if (mapper.map(row) instanceof Mapped.Accepted<R> ok
                && duplicates.firstOccurrence(row.lineNumber(), ok.record()).isEmpty()) {
            cleaning.observe(ok.record());
        }
    }

    /** The (final) pass: decides the row's fate and tells the sink. */
    public void process(CsvRow row, ImportSink<R> sink) {
        if (!finalPass) {
            if (cleaning.needsFirstPass() && observed == 0) {
                throw new IllegalStateException("this import takes two passes: observe every row first");
            }
            finalPass = true;
            duplicates = new ExactDuplicateFilter();
        }
        read++;
        Mapped<R> mapped = mapper.map(row);
        if (mapped instanceof Mapped.Rejected<R> no) {
            rejected++;
            sink.rejected(no.row());
            return;
        }
        R record = ((Mapped.Accepted<R>) mapped).record();
        OptionalLong first = duplicates.firstOccurrence(row.lineNumber(), record);
        if (first.isPresent()) {
            sink.dropped(new DroppedDuplicate(row.lineNumber(), first.getAsLong(), row.values()));
            return;
        }
        accepted++;
        sink.accepted(cleaning.clean(record));
    }

    public ImportCounts counts() {
        return new ImportCounts(read, accepted, rejected, duplicates.dropped());
    }

    /** The customers flagged by the outlier rule (order lines; empty for customers), after the final pass. */
    public List<SpendOutlier> spendOutliers() {
        return cleaning.spendOutliers();
    }

    /** What each cleaning step did, with counts, for the job's report. */
    public List<CleaningDecision> decisions() {
        List<CleaningDecision> decisions = new ArrayList<>();
        decisions.add(new CleaningDecision(CleaningStep.EXACT_DUPLICATE, duplicates.dropped(),
                "valid rows identical in every mapped value to an earlier row dropped; the first is kept"));
        decisions.addAll(cleaning.decisions());
        return decisions;
    }
}
