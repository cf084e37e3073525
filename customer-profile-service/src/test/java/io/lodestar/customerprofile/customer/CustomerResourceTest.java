package io.lodestar.customerprofile.customer;

import static io.lodestar.customerprofile.ProfileApi.newId;
import static io.lodestar.customerprofile.ProfileApi.putProfile;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.lodestar.contracts.EventCodec;
import io.lodestar.contracts.Topics;
import io.lodestar.contracts.customer.CityTier;
import io.lodestar.contracts.customer.CustomerUpserted;
import io.lodestar.platform.security.Roles;
import io.lodestar.testkit.EventLoopGuard;
import io.lodestar.testkit.jwt.TestTokens;
import io.lodestar.testkit.kafka.KafkaBrokerResource;
import io.lodestar.testkit.kafka.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class CustomerResourceTest {

    private static final EventCodec CODEC = new EventCodec();
    private static final String APP = TestTokens.bearer(Roles.APP);
    private static final String OPERATOR = TestTokens.bearer(Roles.OPERATOR);

    @BeforeAll
    static void topics() {
        KafkaBrokerResource.broker().createContractTopics();
    }

    @Test
    void aNewProfileIsCreatedWithDerivedAgeAndPublished() {
        String id = newId();
        LocalDate birth = LocalDate.now().minusYears(30).minusDays(3);
        putProfile(id, profile(birth, "tier-1", "East", "gold", "{\"loyaltyLevel\":\"A\",\"vip\":true}"))
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/customers/" + id))
                .body("customerId", equalTo(id))
                .body("age", equalTo(30))
                .body("ageBand", equalTo("25-34"))
                .body("cityTier", equalTo("tier-1"))
                .body("memberTier", equalTo("gold"))
                .body("attributes.vip", equalTo(true));

        given().header("Authorization", APP).get("/customers/" + id).then().statusCode(200)
                .body("status", equalTo("active"))
                .body("registrationChannel", equalTo("mini_program"))
                .body("timeZone", equalTo("Asia/Shanghai"));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 1);
        assertThat(events).hasSize(1);
        CustomerUpserted upserted = CODEC.decode(events.get(0).value(), CustomerUpserted.class).payload();
        assertThat(upserted.cityTier()).isEqualTo(CityTier.TIER_1);
        assertThat(upserted.attributes()).containsEntry("loyaltyLevel", "A");
    }

    @Test
    void anUpdateIs200AndAnUnchangedUpsertPublishesNothing() {
        String id = newId();
        String body = profile(LocalDate.of(1990, 5, 1), "tier-2", "North", "normal", "{}");
        putProfile(id, body).statusCode(201);
        putProfile(id, body).statusCode(200);
        putProfile(id, profile(LocalDate.of(1990, 5, 1), "tier-2", "North", "silver", "{}")).statusCode(200)
                .body("memberTier", equalTo("silver"));

        assertThat(KafkaTestClient.readFor(Topics.CUSTOMERS, r -> id.equals(r.key()), Duration.ofSeconds(4)))
                .extracting(r -> CODEC.decode(r.value(), CustomerUpserted.class).payload().memberTier().name())
                .containsExactly("NORMAL", "SILVER");
    }

    @Test
    void listingFiltersAndPagesThroughEveryMatchExactlyOnce() {
        String region = "region-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String id = newId();
            ids.add(id);
            putProfile(id, profile(LocalDate.now().minusYears(40), i % 2 == 0 ? "tier-1" : "tier-2", region, "normal", "{}"))
                    .statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", OPERATOR).queryParam("region", region)
                    .queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get("/customers").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.customerId", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(ids.stream().sorted().toList());

        given().header("Authorization", OPERATOR).queryParam("region", region).queryParam("cityTier", "tier-1")
                .queryParam("ageBand", "35-44").get("/customers").then().statusCode(200)
                .body("items.size()", equalTo(4))
                .body("nextCursor", nullValue());
        given().header("Authorization", OPERATOR).queryParam("region", region).queryParam("ageBand", "18-24")
                .get("/customers").then().statusCode(200).body("items.size()", equalTo(0));
    }

    @ParameterizedTest
    @CsvSource({
            "cityTier, tier-9",
            "ageBand, 30-40",
            "memberTier, platinum",
            "registrationChannel, tv",
            "registeredFrom, yesterday",
            "limit, 0",
            "limit, 201",
            "cursor, %%%"})
    void aMalformedFilterIs400NamingIt(String parameter, String value) {
        problem(given().header("Authorization", OPERATOR).queryParam(parameter, value).get("/customers").then(), 400)
                .body("violations.field", hasItem(parameter));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "birthDate   | {\"birthDate\":\"2999-01-01\"}",
            "cityTier    | {\"cityTier\":\"tier-7\"}",
            "points      | {\"points\":-5}",
            "city        | {\"city\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}",
            "timeZone    | {\"timeZone\":\"Mars/Olympus\"}",
            "gender      | {\"gender\":42}",
            "attributes.nested | {\"attributes\":{\"nested\":{\"a\":1}}}",
            "attributes.1bad   | {\"attributes\":{\"1bad\":\"x\"}}"})
    void anInvalidFieldIs400NamingItAndNothingIsWritten(String field, String body) {
        String id = newId();
        problem(putProfile(id, body), 400).body("violations.field", hasItem(field));
        problem(given().header("Authorization", APP).get("/customers/" + id).then(), 404);
        assertThat(KafkaTestClient.readFor(Topics.CUSTOMERS, r -> id.equals(r.key()), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void anInvalidCustomerIdIs400() {
        problem(putProfile("has spaces!", "{}"), 400).body("violations.field", hasItem("customerId"));
    }

    @Test
    void malformedJsonIs400() {
        problem(given().header("Authorization", APP).contentType(ContentType.JSON).body("{\"city\":")
                .put("/customers/" + newId()).then(), 400);
    }

    @Test
    void rolesAreEnforced() {
        problem(given().contentType(ContentType.JSON).body("{}").put("/customers/" + newId()).then(), 401);
        problem(given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{}")
                .put("/customers/" + newId()).then(), 403);
        problem(given().header("Authorization", APP).get("/customers").then(), 403);
    }

    @Test
    void anUnknownCustomerIs404() {
        problem(given().header("Authorization", APP).get("/customers/" + newId()).then(), 404)
                .body("detail", notNullValue());
    }



    static String profile(LocalDate birthDate, String cityTier, String region, String memberTier, String attributes) {
        return """
                {"gender":"female","birthDate":"%s","city":"Hangzhou","province":"Zhejiang","region":"%s",
                 "cityTier":"%s","occupation":"engineer","incomeBand":"20-30k","registrationChannel":"mini_program",
                 "registeredAt":"2024-03-01T08:00:00Z","memberTier":"%s","points":120,"timeZone":"Asia/Shanghai",
                 "attributes":%s}""".formatted(birthDate, region, cityTier, memberTier, attributes);
    }

    static List<ConsumerRecord<String, String>> eventsOf(String customerId, int atLeast) {
        return KafkaTestClient.read(Topics.CUSTOMERS, r -> customerId.equals(r.key()), r -> r.size() >= atLeast,
                Duration.ofSeconds(30));
    }

}
