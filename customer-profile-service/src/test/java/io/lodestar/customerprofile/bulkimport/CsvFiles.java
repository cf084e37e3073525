package io.lodestar.customerprofile.bulkimport;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the CSV uploads of the tests in memory. */
final class CsvFiles {

    static final String ONLINE_RETAIL_HEADER =
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";

    private CsvFiles() {
    }

    static InputStream utf8(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static InputStream bytes(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** Lines joined with LF and a final LF. */
    static InputStream lines(String... lines) {
        return utf8(String.join("\n", lines) + "\n");
    }

    static List<CsvRow> readAll(CsvRecordReader reader) {
        List<CsvRow> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }

    /** Sends every row of an upload through the cleaner (both passes when it needs two). */
    static <R extends ImportRecord> CollectingSink<R> run(ImportCleaner<R> cleaner, String text) {
        if (cleaner.needsFirstPass()) {
            new CsvRecordReader(utf8(text)).forEachRemaining(cleaner::observe);
        }
        CollectingSink<R> sink = new CollectingSink<>();
        new CsvRecordReader(utf8(text)).forEachRemaining(row -> cleaner.process(row, sink));
        return sink;
    }

    /** Keeps every outcome, for small test files. */
    static final class CollectingSink<R> implements ImportSink<R> {
        final List<R> accepted = new ArrayList<>();
        final List<RejectedRow> rejected = new ArrayList<>();
        final List<DroppedDuplicate> dropped = new ArrayList<>();

        @Override
        public void accepted(R record) {
            accepted.add(record);
        }

        @Override
        public void rejected(RejectedRow row) {
            rejected.add(row);
        }

        @Override
        public void dropped(DroppedDuplicate row) {
            dropped.add(row);
        }
    }
}
