package io.lodestar.testkit.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Runs only in the {@code datasets} profile: the reader sees exactly the facts that
 * shared/data/online-retail/SOURCE.md verified on the file.
 */
class OnlineRetailDatasetTest {

    @Test
    void readsEveryRowWithTheDocumentedFacts() {
        AtomicLong rows = new AtomicLong();
        AtomicLong cleanRows = new AtomicLong();
        AtomicLong cancellations = new AtomicLong();
        AtomicLong withoutCustomer = new AtomicLong();
        AtomicReference<BigDecimal> cleanRevenue = new AtomicReference<>(BigDecimal.ZERO);
        Set<String> customers = new HashSet<>();
        Set<String> cleanCustomers = new HashSet<>();
        Set<String> invoices = new HashSet<>();
        try (Stream<OnlineRetailRow> stream = OnlineRetailDataset.rows(OnlineRetailDataset.file())) {
            stream.forEach(row -> {
                rows.incrementAndGet();
                invoices.add(row.invoiceNo());
                if (row.customerId() == null) {
                    withoutCustomer.incrementAndGet();
                } else {
                    customers.add(row.customerId());
                }
                if (row.isCancellation()) {
                    cancellations.incrementAndGet();
                }
                if (row.isCleanSale()) {
                    cleanRows.incrementAndGet();
                    cleanCustomers.add(row.customerId());
                    cleanRevenue.accumulateAndGet(row.lineAmount(), BigDecimal::add);
                }
            });
        }
        assertThat(rows.get()).isEqualTo(541_909);
        assertThat(invoices).hasSize(25_900);
        assertThat(customers).hasSize(4_372);
        assertThat(withoutCustomer.get()).isEqualTo(135_080);
        assertThat(cancellations.get()).isEqualTo(9_288);
        assertThat(cleanRows.get()).isEqualTo(397_884);
        assertThat(cleanCustomers).hasSize(4_338);
        assertThat(cleanRevenue.get().setScale(3, RoundingMode.HALF_UP)).isEqualByComparingTo("8911407.904");
    }
}
