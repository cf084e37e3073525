package io.lodestar.customerprofile.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** 200,000 generated Online Retail rows through reader, mapper and cleaner; counts only (speed is benchmarked). */
class LargeImportTest {

    private static final int ROWS = 200_000;

    @Test
    void everyRowEndsInExactlyOneOutcome() throws Exception {
        ImportCleaner<OrderLineRecord> cleaner = ImportCleanerTest.orderCleaner();
        CountingSink sink = new CountingSink();

        try (CsvRecordReader reader = new CsvRecordReader(CsvFiles.bytes(generate()))) {
            reader.forEachRemaining(row -> cleaner.process(row, sink));
        }

        // every 1000th row repeats the one before it (200); every 250th is a sale of quantity 0 (800)
        assertThat(cleaner.counts()).isEqualTo(new ImportCounts(ROWS, ROWS - 200 - 800, 800, 200));
        assertThat(sink.accepted).isEqualTo(ROWS - 1000);
        assertThat(sink.zeroPriced).isEqualTo(ROWS / 400);
        assertThat(sink.cancellations).isEqualTo(ROWS / 500);
        assertThat(cleaner.spendOutliers()).isNotNull();
    }

    /** Row i: order o{i}, customer i % 5000; quantity 0 when i % 250 == 0, price 0 when i % 400 == 7. */
    private static byte[] generate() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ROWS * 80);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            out.write(CsvFiles.ONLINE_RETAIL_HEADER + "\r\n");
            String previous = null;
            for (int i = 0; i < ROWS; i++) {
                String row;
                if (i % 1000 == 999) {
                    row = previous;
                } else {
                    boolean cancellation = i % 500 == 3;
                    int quantity = i % 250 == 0 ? 0 : cancellation ? -(i % 7 + 1) : i % 7 + 1;
                    String price = i % 400 == 7 ? "0" : (i % 13 + 1) + "." + (i % 100);
                    row = (cancellation ? "C" : "") + "o" + i + ",sku" + (i % 4000) + ",\"Item, no. " + (i % 4000)
                            + "\"," + quantity + ",2011-0" + (i % 9 + 1) + "-1" + (i % 9) + " 1" + (i % 10) + ":"
                            + (10 + i % 50) + ":00," + price + "," + (i % 5000) + ".0,United Kingdom";
                }
                out.write(row + "\r\n");
                previous = row;
            }
        }
        return bytes.toByteArray();
    }

    private static final class CountingSink implements ImportSink<OrderLineRecord> {
        long accepted;
        long zeroPriced;
        long cancellations;

        @Override
        public void accepted(OrderLineRecord record) {
            accepted++;
            if (record.hasFlag(Flag.ZERO_PRICE)) {
                zeroPriced++;
            }
            if (record.cancellation()) {
                cancellations++;
            }
        }

        @Override
        public void rejected(RejectedRow row) {
        }

        @Override
        public void dropped(DroppedDuplicate row) {
        }
    }
}
