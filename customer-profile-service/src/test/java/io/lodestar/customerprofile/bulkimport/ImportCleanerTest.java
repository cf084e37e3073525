package io.lodestar.customerprofile.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.customerprofile.bulkimport.CsvFiles.CollectingSink;

class ImportCleanerTest {

    static final String GOOD_ORDERS = String.join("\n",
            CsvFiles.ONLINE_RETAIL_HEADER,
            "1001,A,Apple,2,2011-01-01 10:00:00,1.50,100,United Kingdom",
            "1001,B,Pear,1,2011-01-01 10:00:00,2.00,100,United Kingdom",
            "1002,A,Apple,3,2011-01-02 10:00:00,1.50,101,France",
            "C1003,A,Apple,-1,2011-01-03 10:00:00,1.50,100,United Kingdom") + "\n";

    static final String DIRTY_ORDERS = String.join("\r\n",
            CsvFiles.ONLINE_RETAIL_HEADER,
            "1001,A,Apple,2,2011-01-01 10:00:00,1.50,100,United Kingdom",
            "1001,A,Apple,2,2011-01-01 10:00:00,1.50,100,United Kingdom",
            "1001,B,Pear,1,2011-01-01 10:00:00,0,100,United Kingdom",
            "1002,C,Plum,-3,2011-01-02 10:00:00,1.00,101,United Kingdom",
            "1003,D,Fig,abc,2011-01-02 10:00:00,1.00,101,United Kingdom",
            "1004,E,Kiwi,1,2011-01-02 10:00:00,-2.00,101,United Kingdom",
            "C1005,A,Apple,-1,2011-01-03 10:00:00,1.50,100,United Kingdom",
            "1006,F,Melon,1,2011-01-03 10:00:00,x1,102,United Kingdom",
            "1007,G,\"Big, box\",1,2011-01-03 10:00:00,5000,103,United Kingdom",
            "1008,H,,5,2011-01-03 10:00:00,2,,United Kingdom",
            "1009,A,Apple,2,2011-01-04 10:00:00,1.5,104,United Kingdom",
            "1010,A,Apple,1,2011-01-04 10:00:00,3,105,United Kingdom",
            "1011,A,Apple,1,2011-01-04 10:00:00,4,106,United Kingdom",
            "1001,A, Apple ,2,2011-01-01 10:00:00,1.500,100.0,United Kingdom",
            "1012,Z,Bad,1,2011-01-04 10:00:00,1",
            "1013,A,Apple,1,not a date,1,107,United Kingdom");

    static final String DIRTY_CUSTOMERS = String.join("\n",
            CustomerRowMapperTest.HEADER,
            "c1,female,,30,,,,,,,",
            "c2,male,,45,,,,,,,",
            "c3,,,,,,,,,,",
            "c4,,1995-06-30,,,,,,,,",
            "c1,female,,30,,,,,,,",
            "c5,,,abc,,,,,,+8613800000000,",
            "c6,,,,,,,,,,",
            "c7,,,21,,,,,,,") + "\n";

    @Test
    void goodFileIsAcceptedWhole() {
        ImportCleaner<OrderLineRecord> cleaner = orderCleaner();

        CollectingSink<OrderLineRecord> sink = CsvFiles.run(cleaner, GOOD_ORDERS);

        assertThat(cleaner.counts()).isEqualTo(new ImportCounts(4, 4, 0, 0));
        assertThat(sink.accepted).extracting(OrderLineRecord::line).containsExactly(2L, 3L, 4L, 5L);
        assertThat(sink.rejected).isEmpty();
        assertThat(sink.dropped).isEmpty();
        assertThat(cleaner.spendOutliers()).isEmpty();
    }

    @Test
    void dirtyOrderFileIsCountedRejectedDroppedAndFlagged() {
        ImportCleaner<OrderLineRecord> cleaner = orderCleaner();

        CollectingSink<OrderLineRecord> sink = CsvFiles.run(cleaner, DIRTY_ORDERS);

        assertThat(cleaner.counts()).isEqualTo(new ImportCounts(16, 8, 6, 2));
        assertThat(sink.accepted).extracting(OrderLineRecord::line)
                .containsExactly(2L, 4L, 8L, 10L, 11L, 12L, 13L, 14L);
        assertThat(sink.rejected).extracting(RejectedRow::line).containsExactly(5L, 6L, 7L, 9L, 16L, 17L);
        assertThat(sink.rejected).flatExtracting(RejectedRow::reasons).extracting(Reason::field)
                .containsExactly("quantity", "quantity", "unitPrice", "unitPrice", "row", "occurredAt");
        assertThat(sink.dropped).containsExactly(
                new DroppedDuplicate(3, 2, List.of("1001", "A", "Apple", "2", "2011-01-01 10:00:00", "1.50", "100",
                        "United Kingdom")),
                new DroppedDuplicate(15, 2, List.of("1001", "A", " Apple ", "2", "2011-01-01 10:00:00", "1.500",
                        "100.0", "United Kingdom")));
        assertThat(sink.accepted.get(1).flags()).containsExactly(Flag.ZERO_PRICE);
        assertThat(sink.accepted.get(2).cancellation()).isTrue();
        assertThat(sink.accepted.get(4).customerId()).isNull();
        // net spends 1.50 (100: 3 + 0 − 1.5), 5000, 3.0, 3, 4 → Q1 3, Q3 4, fences 1.5 and 5.5
        assertThat(cleaner.spendOutliers()).singleElement().satisfies(o -> {
            assertThat(o.customerId()).isEqualTo("103");
            assertThat(o.spend()).isEqualByComparingTo("5000");
            assertThat(o.threshold()).isEqualByComparingTo("5.5");
            assertThat(o.side()).isEqualTo(SpendOutlier.Side.HIGH);
        });
        assertThat(cleaner.decisions()).extracting(CleaningDecision::step, CleaningDecision::count)
                .containsExactly(tuple(CleaningStep.EXACT_DUPLICATE, 2L),
                        tuple(CleaningStep.ZERO_PRICE, 1L),
                        tuple(CleaningStep.SPEND_OUTLIER, 1L));
    }

    @Test
    void customersTakeTwoPassesAndGetTheMedianOfDistinctRows() {
        ImportCleaner<CustomerRecord> cleaner = customerCleaner();

        CollectingSink<CustomerRecord> sink = CsvFiles.run(cleaner, DIRTY_CUSTOMERS);

        assertThat(cleaner.counts()).isEqualTo(new ImportCounts(8, 6, 1, 1));
        // known ages 30, 45, 31 (born 1995-06-30, as of 2026-06-30), 21; the duplicate c1 does not count:
        // median (30 + 31) / 2 = 30.5, imputed as 31
        assertThat(sink.accepted).extracting(CustomerRecord::customerId, CustomerRecord::age,
                CustomerRecord::ageImputed).containsExactly(
                        tuple("c1", 30, false),
                        tuple("c2", 45, false),
                        tuple("c3", 31, true),
                        tuple("c4", 31, false),
                        tuple("c6", 31, true),
                        tuple("c7", 21, false));
        assertThat(sink.dropped).extracting(DroppedDuplicate::line, DroppedDuplicate::firstLine)
                .containsExactly(tuple(6L, 2L));
        assertThat(sink.rejected).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(7));
        assertThat(cleaner.decisions()).extracting(CleaningDecision::step, CleaningDecision::count,
                CleaningDecision::detail).containsExactly(
                        tuple(CleaningStep.EXACT_DUPLICATE, 1L,
                                "valid rows identical in every mapped value to an earlier row dropped; the first is kept"),
                        tuple(CleaningStep.MEDIAN_AGE, 2L,
                                "median of the known ages 30.5, imputed as 31 and flagged ageImputed"));
    }

    @Test
    void passesAreEnforced() {
        ImportCleaner<CustomerRecord> customers = customerCleaner();
        CsvRow row = new CsvRow(2, List.of("c1", "", "", "", "", "", "", "", "", "", ""));

        assertThatThrownBy(() -> customers.process(row, new CollectingSink<>()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> orderCleaner().observe(row)).isInstanceOf(IllegalStateException.class);
    }

    static ImportCleaner<OrderLineRecord> orderCleaner() {
        return ImportCleaner.orderLines(new OrderLineMapper(ColumnMapping.onlineRetail(),
                List.of(CsvFiles.ONLINE_RETAIL_HEADER.split(","))), new OutlierRule.TukeyFences());
    }

    static ImportCleaner<CustomerRecord> customerCleaner() {
        return ImportCleaner.customers(new CustomerRowMapper(CustomerRowMapperTest.MAPPING,
                List.of(CustomerRowMapperTest.HEADER.split(",")), CustomerRowMapperTest.AS_OF));
    }
}
