package io.lodestar.customerprofile.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    private static final List<String> ONLINE_RETAIL = List.of(CsvFiles.ONLINE_RETAIL_HEADER.split(","));

    @Test
    void builtInMappingFitsTheOnlineRetailHeader() {
        assertThatCode(() -> ColumnMapping.onlineRetail().validate(ONLINE_RETAIL)).doesNotThrowAnyException();
    }

    @Test
    void headerMissingAMappedColumnNamesTheField() {
        List<String> header = List.of("InvoiceNo", "StockCode", "Description", "Qty", "InvoiceDate", "UnitPrice",
                "CustomerID", "Country");

        assertFault(() -> ColumnMapping.onlineRetail().validate(header), "mapping.quantity", "'Qty'");
    }

    @Test
    void optionalColumnMissingFromTheHeaderIsAFaultToo() {
        List<String> header = ONLINE_RETAIL.subList(0, 7);

        assertFault(() -> ColumnMapping.onlineRetail().validate(header), "mapping.country", "'Country'");
    }

    @Test
    void requiredFieldWithoutColumn() {
        ColumnMapping mapping = new ColumnMapping(ImportKind.ORDER_LINES, Map.of("orderId", "InvoiceNo"));

        assertFault(() -> mapping.validate(ONLINE_RETAIL), "mapping.itemId", "required field");
    }

    @Test
    void unknownTargetField() {
        ColumnMapping mapping = new ColumnMapping(ImportKind.CUSTOMERS,
                Map.of("customerId", "id", "shoeSize", "size"));

        assertFault(() -> mapping.validate(List.of("id", "size")), "mapping", "'shoeSize'");
    }

    @Test
    void columnTwiceInTheHeaderIsAmbiguous() {
        ColumnMapping mapping = new ColumnMapping(ImportKind.CUSTOMERS, Map.of("customerId", "id"));

        assertFault(() -> mapping.validate(List.of("id", "city", "id")), "mapping.customerId", "more than once");
    }

    @Test
    void mapperRefusesAMappingOfTheOtherKind() {
        assertThatThrownBy(() -> new CustomerRowMapper(ColumnMapping.onlineRetail(), ONLINE_RETAIL,
                LocalDate.of(2026, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertFault(Runnable validation, String field, String inMessage) {
        assertThatThrownBy(validation::run).isInstanceOfSatisfying(ImportFormatException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.getMessage()).contains(inMessage);
            assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo(field));
        });
    }
}
