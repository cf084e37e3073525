package io.lodestar.customerprofile.bulkimport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.Topics;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** POST /imports end to end against the real PostgreSQL database and Kafka broker: jobs, results, report, faults. */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class ImportResourceTest {

    private static final String ADMIN = TestTokens.bearer(Roles.ADMIN);
    private static final String APP = TestTokens.bearer(Roles.APP);
    private static final EventCodec CODEC = new EventCodec();

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    /** A small Online Retail file covering each kind of row: sale, duplicate, write-off, guest, refund, unmatched. */
    private record RetailFile(String customer, String sale, String guestSale, String refund, byte[] csv) {

        static RetailFile generate() {
            String n = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
            String customer = n.substring(0, 8);
            String sale = "T" + n + "1";
            String writeOff = "T" + n + "2";
            String guest = "T" + n + "3";
            String refund = "C" + n + "4";
            String unmatched = "C" + n + "5";
            String c = customer + ".0";
            String csv = String.join("\r\n",
                    CsvFiles.ONLINE_RETAIL_HEADER,
                    sale + ",85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55," + c + ",United Kingdom",
                    sale + ",71053,\"LANTERN, WHITE METAL\",6,2010-12-01 08:26:00,3.39," + c + ",United Kingdom",
                    sale + ",71053,\"LANTERN, WHITE METAL\",6,2010-12-01 08:26:00,3.39," + c + ",United Kingdom",
                    writeOff + ",22633,,0,2010-12-01 09:00:00,0,,United Kingdom",
                    guest + ",22632,HAND WARMER RED POLKA DOT,2,2010-12-01 09:02:00,1.85,,France",
                    refund + ",85123A,WHITE HANGING HEART T-LIGHT HOLDER,-2,2010-12-02 10:00:00,2.55," + c
                            + ",United Kingdom",
                    unmatched + ",99999,SOMETHING BOUGHT LAST YEAR,-1,2010-12-02 10:05:00,1.00," + c
                            + ",United Kingdom") + "\r\n";
            return new RetailFile(customer, sale, guest, refund, csv.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anOnlineRetailFileBecomesPaidOrdersRefundsAndAReport() {
        RetailFile file = RetailFile.generate();

        String location = submit(upload(gzip(file.csv()), "retail.csv.gz").multiPart("layout", "online-retail"))
                .statusCode(202)
                .body("status", equalTo("queued"))
                .body("kind", equalTo("order_lines"))
                .extract().header("Location");
        JsonPath job = finished(location);

        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getFloat("progressPercent")).isEqualTo(100f);
        assertThat(job.getMap("rows")).containsEntry("read", 7).containsEntry("accepted", 5)
                .containsEntry("rejected", 1).containsEntry("droppedDuplicates", 1);
        assertThat(job.getMap("results")).containsEntry("written", 2).containsEntry("guestOrders", 1)
                .containsEntry("refunds", 1).containsEntry("unchanged", 0).containsEntry("rowsNotWritten", 1);
        assertThat(job.getList("cleaning.decisions.step")).contains("EXACT_DUPLICATE", "ZERO_PRICE", "SPEND_OUTLIER");

        given().header("Authorization", APP).get("/orders/" + file.sale()).then().statusCode(200)
                .body("customerId", equalTo(file.customer()))
                .body("status", equalTo("partially_refunded"))
                .body("totalAmount", equalTo(35.64f))
                .body("refundedAmount", equalTo(5.10f))
                .body("lines.size()", equalTo(2));
        given().header("Authorization", APP).get("/orders/" + file.guestSale()).then().statusCode(200)
                .body("customerId", equalTo("guest-" + file.guestSale()))
                .body("status", equalTo("paid"));

        // published like live orders: placed, paid, then the refund, keyed by the customer
        List<ConsumerRecord<String, String>> events = KafkaTestClient.read(Topics.ORDERS,
                r -> file.customer().equals(r.key()), r -> r.size() >= 3, Duration.ofSeconds(30));
        assertThat(events).extracting(r -> CODEC.decode(r.value()).type())
                .containsExactly("order.placed", "order.paid", "order.refunded");

        String report = given().header("Authorization", ADMIN).get(location + "/rejected-rows").then()
                .statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = report.lines().toList();
        assertThat(lines.get(0)).isEqualTo("line,field,reason," + CsvFiles.ONLINE_RETAIL_HEADER);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("4,row,exact duplicate of line 3 (dropped)"))
                .anySatisfy(l -> assertThat(l).startsWith("5,quantity,"))
                .anySatisfy(l -> assertThat(l).startsWith("8,quantity,not written: 1 of 1 cancelled unit(s) match"))
                .hasSize(4);
    }

    @Test
    void importingTheSameFileAgainChangesAndPublishesNothing() {
        RetailFile file = RetailFile.generate();
        finished(submit(upload(file.csv(), "retail.csv").multiPart("layout", "online-retail")).statusCode(202)
                .extract().header("Location"));
        KafkaTestClient.read(Topics.ORDERS, r -> file.customer().equals(r.key()), r -> r.size() >= 3,
                Duration.ofSeconds(30));

        JsonPath again = finished(submit(upload(file.csv(), "retail.csv").multiPart("layout", "online-retail"))
                .statusCode(202).extract().header("Location"));

        assertThat(again.getString("status")).isEqualTo("succeeded");
        assertThat(again.getMap("results")).containsEntry("written", 0).containsEntry("refunds", 0)
                .containsEntry("unchanged", 3);
        assertThat(KafkaTestClient.readFor(Topics.ORDERS, r -> file.customer().equals(r.key()), Duration.ofSeconds(3)))
                .hasSize(3);
    }

    @Test
    void customersImportWithTheMedianAgeImputedAndTheirPhoneAsAnIdentity() {
        String n = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L));
        String phone = "+86138" + n.substring(0, 7);
        String csv = "id,sex,age,town,tier,mobile\r\n"
                + "imp-" + n + "-1,female,30,Hangzhou,new-tier-1," + phone + "\r\n"
                + "imp-" + n + "-2,male,40,Chengdu,new-tier-1,\r\n"
                + "imp-" + n + "-3,,,Wuhan,tier-2,\r\n"
                + "imp-" + n + "-4,male,200,Xi'an,tier-2,\r\n";
        String mapping = "{\"customerId\":\"id\",\"gender\":\"sex\",\"age\":\"age\",\"city\":\"town\","
                + "\"cityTier\":\"tier\",\"phone\":\"mobile\"}";

        JsonPath job = finished(submit(upload(csv.getBytes(StandardCharsets.UTF_8), "crm.csv")
                .multiPart("kind", "customers").multiPart("mapping", mapping)).statusCode(202)
                .extract().header("Location"));

        assertThat(job.getString("status")).isEqualTo("succeeded");
        assertThat(job.getMap("rows")).containsEntry("read", 4).containsEntry("accepted", 3)
                .containsEntry("rejected", 1);
        assertThat(job.getMap("results")).containsEntry("written", 3);
        assertThat(job.getList("cleaning.decisions.step")).contains("MEDIAN_AGE");
        given().header("Authorization", APP).get("/customers/imp-" + n + "-3").then().statusCode(200)
                .body("city", equalTo("Wuhan"))
                .body("cityTier", equalTo("tier-2"))
                .body("attributes.age", equalTo(35))
                .body("attributes.ageImputed", equalTo(true));
        given().header("Authorization", APP).get("/customers/imp-" + n + "-1").then().statusCode(200)
                .body("gender", equalTo("female"))
                .body("attributes.age", equalTo(30));
        given().header("Authorization", APP).get("/identities/phone/" + phone).then().statusCode(200)
                .body("customerId", equalTo("imp-" + n + "-1"));
        given().header("Authorization", APP).get("/customers/imp-" + n + "-4").then().statusCode(404);

        // the same file again changes nothing; a file with fewer columns keeps what it does not hold
        JsonPath again = finished(submit(upload(csv.getBytes(StandardCharsets.UTF_8), "crm.csv")
                .multiPart("kind", "customers").multiPart("mapping", mapping)).statusCode(202)
                .extract().header("Location"));
        assertThat(again.getMap("results")).containsEntry("written", 0).containsEntry("unchanged", 3);
        JsonPath moved = finished(submit(upload(("id,town\r\nimp-" + n + "-1,Ningbo\r\n")
                .getBytes(StandardCharsets.UTF_8), "moves.csv").multiPart("kind", "customers")
                .multiPart("mapping", "{\"customerId\":\"id\",\"city\":\"town\"}")).statusCode(202)
                .extract().header("Location"));
        assertThat(moved.getMap("results")).containsEntry("written", 1);
        given().header("Authorization", APP).get("/customers/imp-" + n + "-1").then().statusCode(200)
                .body("city", equalTo("Ningbo"))
                .body("gender", equalTo("female"))
                .body("cityTier", equalTo("new-tier-1"))
                .body("attributes.age", equalTo(30));
    }

    @Test
    void aFileOrSettingsThatCannotBeImportedAre400AndCreateNoJob() {
        byte[] csv = RetailFile.generate().csv();
        int before = jobCount();

        problem(submit(given().header("Authorization", ADMIN).multiPart("layout", "online-retail")), "file");
        problem(submit(upload(csv, "x.csv").multiPart("layout", "mystery")), "layout");
        problem(submit(upload(csv, "x.csv").multiPart("kind", "order_lines").multiPart("mapping", "not json")),
                "mapping");
        problem(submit(upload(csv, "x.csv").multiPart("kind", "order_lines")), "mapping");
        problem(submit(upload(csv, "x.csv").multiPart("kind", "products").multiPart("mapping", "{}")), "kind");
        problem(submit(upload(csv, "x.csv").multiPart("kind", "order_lines")
                .multiPart("mapping", "{\"orderId\":\"InvoiceNo\",\"itemId\":\"Missing\"}")), "mapping.itemId");
        problem(submit(upload(csv, "x.csv").multiPart("layout", "online-retail").multiPart("outlierK", "-1")),
                "outlierK");
        problem(submit(upload(csv, "x.csv").multiPart("layout", "online-retail").multiPart("outlierRule", "zscore")),
                "outlierRule");
        byte[] latin1 = (CsvFiles.ONLINE_RETAIL_HEADER + "\r\n1,2,Caf\u00e9,1,2010-12-01 08:26:00,1,1,France\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        problem(submit(upload(latin1, "latin1.csv").multiPart("layout", "online-retail")), "file")
                .body("violations.message", hasItem(containsString("UTF-8")));
        problem(submit(upload((CsvFiles.ONLINE_RETAIL_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8), "empty.csv")
                .multiPart("layout", "online-retail")), "file");

        assertThat(jobCount()).isEqualTo(before);
    }

    @Test
    void importsAreForAdminsOnly() {
        byte[] csv = RetailFile.generate().csv();
        given().multiPart("file", "x.csv", csv, "text/csv").multiPart("layout", "online-retail")
                .post("/imports").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", APP).multiPart("file", "x.csv", csv, "text/csv")
                .multiPart("layout", "online-retail").post("/imports").then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", ADMIN).get("/imports/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", ADMIN).get("/imports/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static RequestSpecification upload(byte[] content, String name) {
        return given().header("Authorization", ADMIN).multiPart("file", name, content, "text/csv");
    }

    private static ValidatableResponse submit(RequestSpecification request) {
        return request.post("/imports").then();
    }

    private static ValidatableResponse problem(ValidatableResponse response, String field) {
        String body = response.extract().asString();
        assertThat(body).doesNotContain("java.", "Exception");
        return response.statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    private static int jobCount() {
        return given().header("Authorization", ADMIN).queryParam("limit", 200).get("/imports").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
    }

    /** Waits for the job at {@code location} to finish and answers its last view. */
    private static JsonPath finished(String location) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> given().header("Authorization", ADMIN).get(location).then().statusCode(200).extract().jsonPath(),
                job -> List.of("succeeded", "failed").contains(job.getString("status")));
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }
}
