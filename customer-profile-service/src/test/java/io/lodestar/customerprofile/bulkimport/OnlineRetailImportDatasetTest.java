package io.lodestar.customerprofile.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.lodestar.testkit.datasets.Datasets;
import io.lodestar.testkit.datasets.OnlineRetailDataset;
import io.lodestar.testkit.datasets.OnlineRetailImportRules;
import io.lodestar.testkit.datasets.OnlineRetailRow;

/**
 * Runs only in the {@code datasets} profile: the whole UCI Online Retail file through the import's reader,
 * built-in mapping and cleaner. Expected figures come from SOURCE.md's facts and from a second, independent
 * parse (testkit's line-based {@link OnlineRetailDataset}) applying the documented rules by hand.
 */
class OnlineRetailImportDatasetTest {

    @Test
    void importsTheWholeFileWithEveryRowAccountedFor() throws Exception {
        Path file = Datasets.directory("online-retail").resolve("online_retail.csv.gz");
        Expected expected = Expected.of(file);
        ImportCleaner<OrderLineRecord> cleaner;
        Outcomes outcomes = new Outcomes();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
                CsvRecordReader reader = new CsvRecordReader(in)) {
            cleaner = ImportCleaner.orderLines(new OrderLineMapper(ColumnMapping.onlineRetail(), reader.headers()),
                    new OutlierRule.TukeyFences());
            reader.forEachRemaining(row -> cleaner.process(row, outcomes));
        }
        ImportCounts counts = cleaner.counts();

        // SOURCE.md: 541,909 rows, every one accounted for
        assertThat(counts.read()).isEqualTo(541_909);
        assertThat(counts.accepted() + counts.rejected() + counts.droppedDuplicates()).isEqualTo(541_909);
        // SOURCE.md: 10,624 rows with Quantity ≤ 0, of which the 9,288 cancellations are valid refunds
        assertThat(expected.cancellations).isEqualTo(9_288);
        assertThat(expected.cancellationsWithQuantityAtLeastZero).isZero();
        assertThat(outcomes.reasonsByField.get("quantity")).isEqualTo(10_624 - 9_288);
        assertThat(outcomes.acceptedCancellations + outcomes.droppedCancellations).isEqualTo(9_288);
        // SOURCE.md: 2,517 with UnitPrice ≤ 0, split by the second parse into negative (rejected) and zero
        assertThat(expected.negativePrice + expected.zeroPrice).isEqualTo(2_517);
        assertThat(outcomes.reasonsByField.get("unitPrice")).isEqualTo(expected.negativePrice);
        assertThat(outcomes.reasonsByField.keySet()).containsOnly("quantity", "unitPrice");
        assertThat(counts.rejected()).isEqualTo(expected.rejected);
        assertThat(counts.droppedDuplicates()).isEqualTo(expected.duplicates);
        assertThat(counts.accepted()).isEqualTo(541_909 - expected.rejected - expected.duplicates);
        assertThat(outcomes.zeroPriced).isEqualTo(expected.acceptedZeroPrice);
        assertThat(outcomes.withoutTitle).isEqualTo(expected.acceptedWithoutDescription);
        assertThat(outcomes.withoutCustomer).isEqualTo(expected.acceptedWithoutCustomer);
        // SOURCE.md: the usual clean subset is 397,884 rows and 8,911,407.904, duplicates included
        assertThat(outcomes.cleanSales).isEqualTo(397_884);
        assertThat(outcomes.cleanRevenue.setScale(3, RoundingMode.HALF_UP)).isEqualByComparingTo("8911407.904");
        assertThat(cleaner.spendOutliers()).hasSize(expected.tukeyOutliers(1.5));
    }

    /** What the rules should give, computed from testkit's own parse of the file. */
    private static final class Expected {
        long cancellations;
        long cancellationsWithQuantityAtLeastZero;
        long negativePrice;
        long zeroPrice;
        long rejected;
        long duplicates;
        long acceptedZeroPrice;
        long acceptedWithoutDescription;
        long acceptedWithoutCustomer;
        final Map<String, BigDecimal> spend = new HashMap<>();

        static Expected of(Path file) {
            Expected e = new Expected();
            try (Stream<OnlineRetailRow> rows = OnlineRetailDataset.rows(file)) {
                rows.forEach(e::add);
            }
            return e;
        }

        private final Set<String> seen = new HashSet<>();

        private void add(OnlineRetailRow row) {
            boolean cancellation = row.isCancellation();
            if (cancellation) {
                cancellations++;
                if (row.quantity() >= 0) {
                    cancellationsWithQuantityAtLeastZero++;
                }
            }
            int sign = row.unitPrice().signum();
            if (sign < 0) {
                negativePrice++;
            } else if (sign == 0) {
                zeroPrice++;
            }
            if (OnlineRetailImportRules.rejected(row)) {
                rejected++;
                return;
            }
            if (!seen.add(OnlineRetailImportRules.duplicateKey(row))) {
                duplicates++;
                return;
            }
            if (sign == 0) {
                acceptedZeroPrice++;
            }
            if (row.description().isBlank()) {
                acceptedWithoutDescription++;
            }
            if (row.customerId() == null) {
                acceptedWithoutCustomer++;
            } else {
                spend.merge(row.customerId(), row.lineAmount(), BigDecimal::add);
            }
        }

        /** Tukey's fences by hand, in doubles: type-7 quartiles of the sorted net spends. */
        int tukeyOutliers(double k) {
            double[] sorted = spend.values().stream().mapToDouble(BigDecimal::doubleValue).sorted().toArray();
            double q1 = quantile(sorted, 0.25);
            double q3 = quantile(sorted, 0.75);
            double low = q1 - k * (q3 - q1);
            double high = q3 + k * (q3 - q1);
            int outliers = 0;
            for (double s : sorted) {
                if (s < low || s > high) {
                    outliers++;
                }
            }
            return outliers;
        }

        private static double quantile(double[] sorted, double p) {
            double h = (sorted.length - 1) * p;
            int i = (int) Math.floor(h);
            return i + 1 < sorted.length ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted[i];
        }
    }

    /** Tallies the outcomes without keeping them. */
    private static final class Outcomes implements ImportSink<OrderLineRecord> {
        final Map<String, Long> reasonsByField = new HashMap<>();
        long acceptedCancellations;
        long droppedCancellations;
        long zeroPriced;
        long withoutTitle;
        long withoutCustomer;
        long cleanSales;
        BigDecimal cleanRevenue = BigDecimal.ZERO;

        @Override
        public void accepted(OrderLineRecord line) {
            if (line.cancellation()) {
                acceptedCancellations++;
            }
            if (line.hasFlag(Flag.ZERO_PRICE)) {
                zeroPriced++;
            }
            if (line.title() == null) {
                withoutTitle++;
            }
            if (line.customerId() == null) {
                withoutCustomer++;
            }
            if (line.customerId() != null && !line.cancellation() && line.unitPrice().signum() > 0) {
                countCleanSale(line.unitPrice(), line.quantity());
            }
        }

        @Override
        public void rejected(RejectedRow row) {
            row.reasons().forEach(r -> reasonsByField.merge(r.field(), 1L, Long::sum));
        }

        /** A dropped duplicate is still part of SOURCE.md's clean subset, which counts every row. */
        @Override
        public void dropped(DroppedDuplicate row) {
            List<String> v = row.values();
            boolean cancellation = v.get(0).startsWith("C");
            if (cancellation) {
                droppedCancellations++;
            }
            BigDecimal price = new BigDecimal(v.get(5));
            if (!v.get(6).isEmpty() && !cancellation && price.signum() > 0) {
                countCleanSale(price, Integer.parseInt(v.get(3)));
            }
        }

        private void countCleanSale(BigDecimal price, int quantity) {
            cleanSales++;
            cleanRevenue = cleanRevenue.add(price.multiply(BigDecimal.valueOf(quantity)));
        }
    }
}
