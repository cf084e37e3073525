package io.lodestar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoFilesTest {

    private final DemoShop shop = new DemoShop(7, 300, LocalDate.of(2026, 12, 1));

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(DemoFiles.cell("plain")).isEqualTo("plain");
        assertThat(DemoFiles.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(DemoFiles.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(DemoFiles.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(DemoFiles.cell(null)).isEmpty();
    }

    @Test
    void theCustomerFileHasOneRowPerCustomerUnderTheMappedHeader(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("customers.csv.gz");
        assertThat(DemoFiles.writeCustomers(shop, file)).isEqualTo(300);
        List<String> lines = read(file);
        assertThat(lines).hasSize(301);
        assertThat(lines.get(0).split(",")).containsExactlyElementsOf(DemoFiles.CUSTOMER_COLUMNS);
        assertThat(DemoFiles.CUSTOMER_COLUMNS).containsAll(DemoFiles.CUSTOMER_MAPPING.values());
        String[] first = lines.get(1).split(",");
        DemoCustomer c = shop.history(1).customer();
        assertThat(first[0]).isEqualTo("demo-c1");
        assertThat(first[6]).isEqualTo(c.cityTier());
        assertThat(Instant.parse(first[8])).isEqualTo(c.registeredAt());
    }

    @Test
    void orderLinesAreGroupedByOrderAndReturnsFollowTheirSale(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("order_lines.csv.gz");
        long written = DemoFiles.writeOrderLines(shop, file);
        List<String> lines = read(file);
        assertThat(lines).hasSize((int) written + 1);
        assertThat(lines.get(0).split(",")).containsExactlyElementsOf(DemoFiles.ORDER_LINE_COLUMNS);
        assertThat(DemoFiles.ORDER_LINE_COLUMNS).containsAll(DemoFiles.ORDER_LINE_MAPPING.values());
        Map<String, Integer> saleRow = new HashMap<>();
        String previousOrder = null;
        int returns = 0;
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",");
            String orderId = cells[0];
            int quantity = Integer.parseInt(cells[3]);
            if (orderId.startsWith("C")) {
                returns++;
                assertThat(quantity).isNegative();
                assertThat(saleRow).as("the sale of " + orderId + " comes first").containsKey(orderId.substring(1));
            } else {
                assertThat(quantity).isPositive();
                // The lines of one order are consecutive: the import reads them as one order.
                if (!orderId.equals(previousOrder)) {
                    assertThat(saleRow).as(orderId + " appears in one run of rows").doesNotContainKey(orderId);
                }
                saleRow.putIfAbsent(orderId, row);
            }
            previousOrder = orderId;
        }
        long refunded = 0;
        for (int i = 1; i <= 300; i++) {
            refunded += shop.history(i).orders().stream().filter(o -> o.refundedAt() != null).count();
        }
        assertThat(returns).isEqualTo((int) refunded).isPositive();
    }

    @Test
    void aMultipartBodyHasEachFieldAndTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, "a,b\n1,2\n");
        MultipartForm form = new MultipartForm().field("kind", "customers").field("mapping", "{\"a\":\"b\"}")
                .file("file", file);
        String body = new String(form.body(), StandardCharsets.UTF_8);
        String boundary = form.contentType().substring(form.contentType().indexOf("boundary=") + 9);
        assertThat(body).startsWith("--" + boundary + "\r\n").endsWith("--" + boundary + "--\r\n")
                .contains("name=\"kind\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\ncustomers\r\n")
                .contains("name=\"mapping\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n{\"a\":\"b\"}\r\n")
                .contains("name=\"file\"; filename=\"x.csv\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                        + "a,b\n1,2\n\r\n");
    }

    private static List<String> read(Path gz) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            return in.lines().toList();
        }
    }
}
