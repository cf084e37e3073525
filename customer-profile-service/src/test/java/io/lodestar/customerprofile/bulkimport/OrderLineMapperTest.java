package io.lodestar.customerprofile.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.Channel;

class OrderLineMapperTest {

    private final OrderLineMapper onlineRetail = new OrderLineMapper(ColumnMapping.onlineRetail(),
            List.of(CsvFiles.ONLINE_RETAIL_HEADER.split(",")));

    @Test
    void mapsAnOnlineRetailLineInUkTime() {
        OrderLineRecord line = accepted(onlineRetail,
                "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER ,6,2011-07-01 08:26:00,2.55,17850.0,United Kingdom");

        assertThat(line.orderId()).isEqualTo("536365");
        assertThat(line.itemId()).isEqualTo("85123A");
        assertThat(line.title()).isEqualTo("WHITE HANGING HEART T-LIGHT HOLDER");
        assertThat(line.quantity()).isEqualTo(6);
        assertThat(line.unitPrice()).isEqualByComparingTo("2.55");
        assertThat(line.occurredAt()).isEqualTo(Instant.parse("2011-07-01T07:26:00Z"));
        assertThat(line.customerId()).isEqualTo("17850");
        assertThat(line.country()).isEqualTo("United Kingdom");
        assertThat(line.currency()).isEqualTo(Currency.getInstance("GBP"));
        assertThat(line.cancellation()).isFalse();
        assertThat(line.flags()).isEmpty();
        assertThat(line.amount()).isEqualByComparingTo("15.30");
    }

    @Test
    void winterTimeIsUtc() {
        OrderLineRecord line = accepted(onlineRetail, "536365,85123A,X,6,2010-12-01 08:26:00,2.55,17850,UK");

        assertThat(line.occurredAt()).isEqualTo(Instant.parse("2010-12-01T08:26:00Z"));
    }

    @Test
    void cancellationWithNegativeQuantityIsARefund() {
        OrderLineRecord line = accepted(onlineRetail, "C536379,D,Discount,-1,2010-12-01 09:41:00,27.50,14527,UK");

        assertThat(line.cancellation()).isTrue();
        assertThat(line.amount()).isEqualByComparingTo("-27.50");
    }

    @Test
    void lineWithoutCustomerOrDescriptionIsKeptForItemStatistics() {
        OrderLineRecord line = accepted(onlineRetail, "536414,22139,,56,2010-12-01 11:52:00,0,,UK");

        assertThat(line.customerId()).isNull();
        assertThat(line.title()).isNull();
        assertThat(line.flags()).containsExactly(Flag.ZERO_PRICE);
    }

    @Test
    void nonPositiveQuantityOnASaleIsRejected() {
        assertThat(rejected(onlineRetail, "536589,21777,damaged,-10,2010-12-01 16:50:00,0,,UK"))
                .containsExactly(new Reason("quantity",
                        "column 'Quantity' value \"-10\": quantity must be positive except on a cancellation"));
        assertThat(rejected(onlineRetail, "536589,21777,x,0,2010-12-01 16:50:00,1,,UK"))
                .extracting(Reason::field).containsExactly("quantity");
    }

    @Test
    void cancellationWithPositiveQuantityIsRejected() {
        assertThat(rejected(onlineRetail, "C1,21777,x,3,2010-12-01 16:50:00,1,5,UK"))
                .extracting(Reason::message)
                .containsExactly("column 'Quantity' value \"3\": quantity must be negative on a cancellation");
    }

    @Test
    void negativePriceIsRejected() {
        assertThat(rejected(onlineRetail, "A563186,B,Adjust bad debt,1,2011-08-12 14:51:00,-11062.06,,UK"))
                .containsExactly(new Reason("unitPrice",
                        "column 'UnitPrice' value \"-11062.06\": unitPrice must not be negative"));
    }

    @Test
    void everyBadCellIsReported() {
        assertThat(rejected(onlineRetail, ",X,t,six,2010-13-01 25:00:00,2,50,UK,1")).containsExactly(
                new Reason("row", "expected 8 fields as in the header, found 9"));
        assertThat(rejected(onlineRetail, ",X,t,six,2010-13-01 25:00:00,2.5.0,7,UK")).containsExactly(
                new Reason("orderId", "column 'InvoiceNo' is required but blank"),
                new Reason("quantity", "column 'Quantity' value \"six\" is not a whole number"),
                new Reason("unitPrice", "column 'UnitPrice' value \"2.5.0\" is not a decimal number"),
                new Reason("occurredAt",
                        "column 'InvoiceDate' value \"2010-13-01 25:00:00\" is not a date-time in the expected format"));
    }

    @Test
    void customMappingWithIsoTimesCurrencyAndChannel() {
        ColumnMapping mapping = new ColumnMapping(ImportKind.ORDER_LINES, Map.of("orderId", "order",
                "itemId", "sku", "quantity", "qty", "unitPrice", "price", "occurredAt", "at", "currency", "cur",
                "channel", "via", "category", "cat", "customerId", "who"));
        OrderLineMapper mapper = new OrderLineMapper(mapping,
                List.of("order", "sku", "qty", "price", "at", "cur", "via", "cat", "who"));

        OrderLineRecord line = accepted(mapper, "o-1,sku-9,2,19.90,2026-03-01T10:00:00+08:00,cny,Mini_Program,tea,17850.0");

        assertThat(line.occurredAt()).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
        assertThat(line.currency()).isEqualTo(Currency.getInstance("CNY"));
        assertThat(line.channel()).isEqualTo(Channel.MINI_PROGRAM);
        assertThat(line.category()).isEqualTo("tea");
        assertThat(line.customerId()).as("only Online Retail strips .0").isEqualTo("17850.0");
        assertThat(line.unitPrice()).isEqualTo(new BigDecimal("19.90"));
        assertThat(rejected(mapper, "o-1,sku-9,2,19.90,2026-03-01T10:00:00Z,ZZZ,fax,tea,1"))
                .extracting(Reason::field).containsExactly("currency", "channel");
    }

    static OrderLineRecord accepted(OrderLineMapper mapper, String csvLine) {
        Mapped<OrderLineRecord> mapped = mapper.map(row(csvLine));
        assertThat(mapped).isInstanceOf(Mapped.Accepted.class);
        return ((Mapped.Accepted<OrderLineRecord>) mapped).record();
    }

    static List<Reason> rejected(RowMapper<?> mapper, String csvLine) {
        Mapped<?> mapped = mapper.map(row(csvLine));
        assertThat(mapped).isInstanceOf(Mapped.Rejected.class);
        RejectedRow row = ((Mapped.Rejected<?>) mapped).row();
        assertThat(row.line()).isEqualTo(2);
        return row.reasons();
    }

    private static CsvRow row(String csvLine) {
        CsvRecordReader reader = new CsvRecordReader(CsvFiles.utf8("header\n" + csvLine + "\n"));
        return reader.next();
    }
}
