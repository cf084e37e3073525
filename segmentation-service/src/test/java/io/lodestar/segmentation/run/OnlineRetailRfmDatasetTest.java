package io.lodestar.segmentation.run;

import static io.lodestar.segmentation.SegmentationApi.OPERATOR;
import static io.lodestar.segmentation.SegmentationApi.createModel;
import static io.lodestar.segmentation.SegmentationApi.runToSuccess;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.customer.GuestCustomers;
import io.lodestar.contracts.order.OrderLine;
import io.lodestar.contracts.order.OrderPaid;
import io.lodestar.contracts.order.OrderRefunded;
import io.lodestar.testkit.datasets.OnlineRetailDataset;
import io.lodestar.testkit.datasets.OnlineRetailImportRules;
import io.lodestar.testkit.datasets.OnlineRetailRow;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The UCI Online Retail data set (Daqing Chen, Sai Liang Sain and Kun Guo, 2012; UCI Machine Learning Repository,
 * CC BY 4.0 — see shared/data/online-retail/SOURCE.md) fed to the service as {@code lodestar.orders.v1} events: each
 * sale invoice the import accepts becomes an {@code order.paid} at its InvoiceDate (Europe/London, as the import's
 * online-retail layout reads it), each cancellation invoice an {@code order.refunded} of that customer's spend, rows
 * without a customer guest orders. R, F and M as of 2011-12-10T00:00Z are then computed here, independently, with
 * shared/DESIGN.md's definitions, and the service must agree exactly for every customer.
 */
@QuarkusTest
class OnlineRetailRfmDatasetTest {

    private static final Instant AS_OF = Instant.parse("2011-12-10T00:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final EventCodec CODEC = new EventCodec();

    @Inject
    Pool pool;

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    /** One invoice: consecutive accepted rows with the same number. */
    private record Invoice(String number, String customerId, Instant at, List<OnlineRetailRow> rows) {

        boolean cancellation() {
            return number.startsWith("C");
        }

        /** The order total as stored (2 decimals; PostgreSQL rounds half away from zero, as HALF_UP does). */
        BigDecimal amount() {
            return rows.stream().map(r -> r.lineAmount().abs()).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(2, RoundingMode.HALF_UP);
        }
    }

    private record Expected(long recencyDays, int frequency, BigDecimal monetary) {
    }

    @Test
    void theServiceAgreesExactlyWithRfmComputedFromTheRawRows() {
        List<Invoice> invoices = invoices();
        Set<String> customers = new HashSet<>();
        List<Map.Entry<String, String>> records = new ArrayList<>();
        int paid = 0;
        int refunds = 0;
        for (Invoice invoice : invoices) {
            if (invoice.customerId() != null) {
                customers.add(invoice.customerId());
            }
            if (invoice.cancellation()) {
                if (invoice.customerId() == null) {
                    continue; // a cancellation without a customer refunds nobody's spend
                }
                refunds++;
                records.add(record(invoice.customerId(), EventType.ORDER_REFUNDED, new OrderRefunded(invoice.number(),
                        invoice.customerId(), "GBP", invoice.amount(), List.of(), "cancellation invoice",
                        invoice.at())));
            } else {
                String customer = invoice.customerId() != null ? invoice.customerId()
                        : GuestCustomers.forOrder(invoice.number());
                paid += invoice.customerId() != null ? 1 : 0;
                List<OrderLine> lines = invoice.rows().stream().map(r -> new OrderLine(r.stockCode(), null,
                        r.description(), r.quantity(), r.unitPrice(), null)).toList();
                records.add(record(customer, EventType.ORDER_PAID, new OrderPaid(invoice.number(), customer, "GBP",
                        lines, invoice.amount(), BigDecimal.ZERO, null, null, null, invoice.at())));
            }
        }
        KafkaTestClient.produceAll(Topics.ORDERS, records);
        int expectedPaid = paid;
        int expectedRefunds = refunds;
        String[] ids = customers.toArray(String[]::new);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() ->
                count("SELECT count(*) FROM paid_order WHERE customer_id = ANY($1)", ids) == expectedPaid
                        && count("SELECT count(*) FROM order_refund WHERE customer_id = ANY($1)", ids) == expectedRefunds);

        Map<String, Expected> expected = expectedRfm(invoices);
        String model = createModel("{\"name\":\"Online Retail %s\",\"scheme\":\"quintile\",\"asOf\":\"%s\"}"
                .formatted(UUID.randomUUID(), AS_OF));
        runToSuccess();

        Map<String, Expected> actual = new HashMap<>();
        String cursor = null;
        do {
            var page = given().header("Authorization", OPERATOR).queryParam("limit", 1000)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/rfm-models/" + model + "/scores").then().statusCode(200).extract().jsonPath()
                    // money as BigDecimal: a float cannot hold 256438.49
                    .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                String customer = (String) item.get("customerId");
                if (customers.contains(customer)) {
                    actual.put(customer, new Expected(((Number) item.get("recencyDays")).longValue(),
                            ((Number) item.get("frequency")).intValue(),
                            ((BigDecimal) item.get("monetary")).setScale(2, RoundingMode.UNNECESSARY)));
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(expected).hasSizeGreaterThan(4000);
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        List<String> disagreements = new ArrayList<>();
        expected.forEach((customer, want) -> {
            Expected got = actual.get(customer);
            if (got.recencyDays() != want.recencyDays() || got.frequency() != want.frequency()
                    || got.monetary().compareTo(want.monetary()) != 0) {
                disagreements.add(customer + ": expected " + want + ", got " + got);
            }
        });
        assertThat(disagreements).as("customers whose R, F or M differ").isEmpty();
        // No guest became a customer.
        assertThat(count("SELECT count(*) FROM customer_feature WHERE customer_id LIKE 'guest-%'", new String[0]))
                .isZero();
    }

    /** R, F, M by the glossary: R whole days from the last paid invoice, F sale invoices, M sales minus cancellations. */
    private static Map<String, Expected> expectedRfm(List<Invoice> invoices) {
        Map<String, Instant> last = new HashMap<>();
        Map<String, Integer> orders = new HashMap<>();
        Map<String, BigDecimal> spend = new HashMap<>();
        for (Invoice invoice : invoices) {
            if (invoice.customerId() == null) {
                continue;
            }
            BigDecimal amount = invoice.cancellation() ? invoice.amount().negate() : invoice.amount();
            spend.merge(invoice.customerId(), amount, BigDecimal::add);
            if (!invoice.cancellation()) {
                orders.merge(invoice.customerId(), 1, Integer::sum);
                last.merge(invoice.customerId(), invoice.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<String, Expected> expected = new HashMap<>();
        orders.forEach((customer, count) -> expected.put(customer, new Expected(
                ChronoUnit.DAYS.between(last.get(customer), AS_OF), count, spend.get(customer))));
        return expected;
    }

    /** The rows the import accepts (not rejected, exact duplicates dropped), as consecutive invoices. */
    private static List<Invoice> invoices() {
        Set<String> seen = new HashSet<>();
        Map<String, List<OnlineRetailRow>> byInvoice = new LinkedHashMap<>();
        List<Invoice> invoices = new ArrayList<>();
        try (Stream<OnlineRetailRow> rows = OnlineRetailDataset.rows(OnlineRetailDataset.file())) {
            rows.filter(r -> !OnlineRetailImportRules.rejected(r))
                    .filter(r -> seen.add(OnlineRetailImportRules.duplicateKey(r)))
                    .forEach(r -> byInvoice.computeIfAbsent(r.invoiceNo().strip(), n -> new ArrayList<>()).add(r));
        }
        byInvoice.forEach((number, rows) -> {
            OnlineRetailRow first = rows.get(0);
            invoices.add(new Invoice(number, first.customerId(), first.invoiceDate().atZone(LONDON).toInstant(), rows));
        });
        return invoices;
    }

    private static Map.Entry<String, String> record(String customerId, EventType type, Object payload) {
        return new AbstractMap.SimpleEntry<>(customerId, CODEC.encode(EventEnvelope.of(UUID.randomUUID(),
                Instant.now(), type, "customer-profile-service", customerId, payload)));
    }

    private long count(String sql, String[] ids) {
        Tuple params = ids.length == 0 && !sql.contains("$1") ? Tuple.tuple() : Tuple.of(ids);
        return pool.preparedQuery(sql).execute(params).await().indefinitely().iterator().next().getLong(0);
    }
}
