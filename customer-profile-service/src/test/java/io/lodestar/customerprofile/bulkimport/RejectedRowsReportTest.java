package io.lodestar.customerprofile.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

class RejectedRowsReportTest {

    @Test
    void listsEachReasonWithTheOriginalCells() {
        ImportCleaner<OrderLineRecord> cleaner = ImportCleanerTest.orderCleaner();
        StringWriter out = new StringWriter();
        RejectedRowsReport report = new RejectedRowsReport(out, new OrderLineMapper(ColumnMapping.onlineRetail(),
                List.of(CsvFiles.ONLINE_RETAIL_HEADER.split(","))));

        CsvFiles.CollectingSink<OrderLineRecord> sink = CsvFiles.run(cleaner, ImportCleanerTest.DIRTY_ORDERS);
        sink.rejected.forEach(report::rejected);
        sink.dropped.forEach(report::dropped);
        report.flush();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(1 + 6 + 2);
        assertThat(lines.get(0)).isEqualTo("line,field,reason," + CsvFiles.ONLINE_RETAIL_HEADER);
        assertThat(lines.get(1)).isEqualTo("5,quantity,\"column 'Quantity' value \"\"-3\"\": quantity must be "
                + "positive except on a cancellation\",1002,C,Plum,-3,2011-01-02 10:00:00,1.00,101,United Kingdom");
        assertThat(lines.get(5)).isEqualTo("16,row,\"expected 8 fields as in the header, found 6\","
                + "1012,Z,Bad,1,2011-01-04 10:00:00,1");
        assertThat(lines.get(7)).isEqualTo("3,row,exact duplicate of line 2 (dropped),"
                + "1001,A,Apple,2,2011-01-01 10:00:00,1.50,100,United Kingdom");
        assertThat(CsvFiles.readAll(new CsvRecordReader(CsvFiles.utf8(out.toString())))).hasSize(8);
    }

    @Test
    void masksPersonalDataAndDefusesFormulas() {
        StringWriter out = new StringWriter();
        ImportCleaner<CustomerRecord> cleaner = ImportCleanerTest.customerCleaner();
        RejectedRowsReport report = new RejectedRowsReport(out, new CustomerRowMapper(CustomerRowMapperTest.MAPPING,
                List.of(CustomerRowMapperTest.HEADER.split(",")), CustomerRowMapperTest.AS_OF));

        CsvFiles.run(cleaner, ImportCleanerTest.DIRTY_CUSTOMERS).rejected.forEach(report::rejected);
        report.rejected(new RejectedRow(9, List.of(new Reason("age", "bad")),
                List.of("=HYPERLINK(\"x\")", "", "", "-1", "", "", "", "", "", "", "")));

        assertThat(out.toString().lines().toList()).containsExactly(
                "line,field,reason," + CustomerRowMapperTest.HEADER,
                "7,age,\"column 'age' value \"\"abc\"\" is not a whole number\",c5,,,abc,,,,,,***,",
                "9,age,bad,\"'=HYPERLINK(\"\"x\"\")\",,,-1,,,,,,,");
    }
}
