package io.lodestar.customerprofile.bulkimport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.datasets.Datasets;
import io.lodestar.testkit.datasets.OnlineRetailDataset;
import io.lodestar.testkit.datasets.OnlineRetailImportRules;
import io.lodestar.testkit.datasets.OnlineRetailRow;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Runs only in the {@code datasets} profile: the whole UCI Online Retail file (541,909 rows, gzip as published in
 * shared/data) through {@code POST /imports} in one job, into PostgreSQL and the outbox. The expected figures come
 * from testkit's own line-based parse, applying the documented rules by hand: which rows are accepted, how lines
 * group into orders, and how cancellations match earlier sales of the same customer and item, newest first.
 * The job's duration is logged; speed is benchmarked in docs/benchmarks.md, not asserted.
 */
@QuarkusTest
class OnlineRetailImportJobDatasetTest {

    private static final String ADMIN = TestTokens.bearer(Roles.ADMIN);

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void theWholeFileImportsInOneJobWithEveryRowAccountedFor() {
        Path file = Datasets.directory(OnlineRetailDataset.NAME).resolve(OnlineRetailDataset.FILE);
        Expected expected = Expected.of(file);

        String location = given().header("Authorization", ADMIN)
                .multiPart("file", file.toFile(), "application/gzip").multiPart("layout", "online-retail")
                .post("/imports").then().statusCode(202).extract().header("Location");
        JsonPath job = await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(2)).until(
                () -> given().header("Authorization", ADMIN).get(location).then().statusCode(200).extract().jsonPath(),
                j -> List.of("succeeded", "failed").contains(j.getString("status")));
        Log.infof("Online Retail import: %s rows in %s → %s, %s rows/s", job.getString("rows.read"),
                job.getString("startedAt") + " … " + job.getString("finishedAt"), job.getString("results"),
                job.getString("rowsPerSecond"));

        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getLong("rows.read")).isEqualTo(541_909);
        assertThat(job.getLong("rows.accepted")).isEqualTo(expected.accepted);
        assertThat(job.getLong("rows.rejected")).isEqualTo(expected.rejected);
        assertThat(job.getLong("rows.droppedDuplicates")).isEqualTo(expected.duplicates);
        assertThat(job.getLong("results.written")).isEqualTo(expected.customerOrders + expected.guestOrders);
        assertThat(job.getLong("results.guestOrders")).isEqualTo(expected.guestOrders);
        assertThat(job.getLong("results.refunds")).isEqualTo(expected.refunds);
        assertThat(job.getLong("results.rowsNotWritten")).isEqualTo(expected.notWritten.size());
        assertThat(job.getLong("results.unchanged")).isZero();

        // one order checked line by line: the file's first invoice (customer 17850, 7 lines, 139.12)
        given().header("Authorization", ADMIN).get("/orders/536365").then().statusCode(200)
                .body("customerId", equalTo("17850"))
                .body("lines.size()", equalTo(7))
                .body("totalAmount", equalTo(139.12f));
        String report = given().header("Authorization", ADMIN).get(location + "/rejected-rows").then()
                .statusCode(200).extract().asString();
        assertThat(report.lines().count() - 1)
                .isEqualTo(expected.rejected + expected.duplicates + expected.notWritten.size());
    }

    /** The rules applied by hand to testkit's parse of the file. */
    private static final class Expected {
        long accepted;
        long rejected;
        long duplicates;
        long customerOrders;
        long guestOrders;
        long refunds;
        final Set<Long> notWritten = new HashSet<>();

        private final Set<String> seenRows = new HashSet<>();
        private final Set<String> seenOrders = new HashSet<>();
        private final Map<String, Deque<long[]>> sales = new HashMap<>();
        private final Map<String, String> orderIdOfSale = new HashMap<>();
        private long saleSeq;
        private String currentOrder;
        private boolean currentWritable;
        private final Map<String, BigDecimal> cancellationToOrder = new LinkedHashMap<>();
        private final Map<String, Set<Long>> cancellationLines = new HashMap<>();
        private long line = 1;

        static Expected of(Path file) {
            Expected e = new Expected();
            try (Stream<OnlineRetailRow> rows = OnlineRetailDataset.rows(file)) {
                rows.forEach(e::add);
            }
            e.closeCancellation();
            return e;
        }

        private void add(OnlineRetailRow row) {
            line++;
            boolean cancellation = row.isCancellation();
            if (OnlineRetailImportRules.rejected(row)) {
                rejected++;
                return;
            }
            if (!seenRows.add(OnlineRetailImportRules.duplicateKey(row))) {
                duplicates++;
                return;
            }
            accepted++;
            String orderId = row.invoiceNo().strip();
            if (!orderId.equals(currentOrder)) {
                closeCancellation();
                currentOrder = orderId;
                // a second group with an id already imported is the same order id with other content: a conflict
                currentWritable = seenOrders.add(orderId);
                if (currentWritable && !cancellation) {
                    if (row.customerId() == null) {
                        guestOrders++;
                    } else {
                        customerOrders++;
                    }
                }
            }
            if (!currentWritable) {
                notWritten.add(line);
            } else if (cancellation) {
                cancel(row);
            } else if (row.customerId() != null) {
                String saleId = Long.toString(saleSeq++);
                orderIdOfSale.put(saleId, orderId);
                sales.computeIfAbsent(row.customerId() + "|" + row.stockCode().strip(), k -> new ArrayDeque<>())
                        .addFirst(new long[] {Long.parseLong(saleId), row.quantity()});
            }
        }

        /** Newest sales of the customer's item first; what is left unmatched makes the line not written. */
        private void cancel(OnlineRetailRow row) {
            if (row.customerId() == null) {
                notWritten.add(line);
                return;
            }
            long wanted = -row.quantity();
            Deque<long[]> open = sales.getOrDefault(row.customerId() + "|" + row.stockCode().strip(),
                    new ArrayDeque<>());
            while (wanted > 0 && !open.isEmpty()) {
                long[] sale = open.peekFirst();
                long units = Math.min(wanted, sale[1]);
                sale[1] -= units;
                wanted -= units;
                if (sale[1] == 0) {
                    open.removeFirst();
                }
                String order = orderIdOfSale.get(Long.toString(sale[0]));
                cancellationToOrder.merge(order, row.unitPrice().multiply(BigDecimal.valueOf(units)), BigDecimal::add);
                cancellationLines.computeIfAbsent(order, k -> new HashSet<>()).add(line);
            }
            if (wanted > 0) {
                notWritten.add(line);
            }
        }

        private void closeCancellation() {
            cancellationToOrder.forEach((order, amount) -> {
                if (amount.setScale(2, RoundingMode.HALF_UP).signum() > 0) {
                    refunds++;
                } else {
                    notWritten.addAll(cancellationLines.get(order));
                }
            });
            cancellationToOrder.clear();
            cancellationLines.clear();
        }
    }
}
