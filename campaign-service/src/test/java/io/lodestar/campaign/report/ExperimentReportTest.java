package io.lodestar.campaign.report;

import static io.lodestar.campaign.CampaignEvents.OPERATOR;
import static io.lodestar.testkit.ProblemAssertions.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.lodestar.campaign.CampaignApi;
import io.lodestar.campaign.CampaignEvents;
import io.lodestar.contracts.Topics;
import io.lodestar.testkit.EventLoopGuard;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An A/B test with a control group on an uploaded audience: every targeted customer is assigned a group, orders
 * within the attribution window convert them (control included, which is what lift is measured against), and the
 * verdict says plainly when there is too little data to call a winner.
 */
@QuarkusTest
@ExtendWith(EventLoopGuard.class)
class ExperimentReportTest {

    @Test
    void conversionsArePerGroupAndTooFewCustomersMakeNoWinner() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> audience = IntStream.range(0, 300).mapToObj(i -> "ab-" + run + "-" + i).toList();
        Map<String, Object> campaign = new HashMap<>();
        campaign.put("name", "Subject line test");
        campaign.put("owner", "li@shop.example");
        campaign.put("audience", Map.of("customerIds", audience));
        campaign.put("channels", List.of(Map.of("channel", "app_push", "costPerMessage", 0.01)));
        campaign.put("template", "Hello {{name}}");
        campaign.put("variants", List.of(Map.of("name", "A", "percent", 50, "template", "A: hello {{name}}"),
                Map.of("name", "B", "percent", 50, "template", "B: hi {{name}}")));
        campaign.put("controlPercent", 20);
        campaign.put("schedule", Map.of("type", "now"));
        String id = CampaignApi.createAndSchedule(campaign);
        CampaignApi.awaitStatus(id, "completed");
        for (String customer : audience.subList(0, 30)) {
            CampaignEvents.publish(Topics.ORDERS, customer, CampaignEvents.paid(customer, "o-" + customer,
                    new BigDecimal("50.00"), null));
        }

        JsonPath experiment = await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .header("Authorization", OPERATOR).get("/campaigns/" + id + "/experiment").then().statusCode(200)
                .extract().jsonPath(), e -> e.getList("groups.converted", Integer.class).stream()
                .mapToInt(Integer::intValue).sum() == 30);
        List<String> groups = experiment.getList("groups.group");
        assertThat(groups).containsExactlyInAnyOrder("A", "B", "control");
        assertThat(experiment.getList("groups.targeted", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(300);
        int control = experiment.getInt("groups.find { it.group == 'control' }.targeted");
        assertThat(control).as("20 %% of 300, give or take the hash").isBetween(40, 80);
        assertThat(experiment.getString("baseline")).isEqualTo("control");
        assertThat(experiment.getString("outcome")).isEqualTo("insufficient_data");
        assertThat(experiment.getString("winner")).isNull();
        assertThat(experiment.getString("summary")).isNotBlank();
        for (String group : List.of("A", "B", "control")) {
            int targeted = experiment.getInt("groups.find { it.group == '" + group + "' }.targeted");
            int converted = experiment.getInt("groups.find { it.group == '" + group + "' }.converted");
            assertThat(experiment.getDouble("groups.find { it.group == '" + group + "' }.conversionRate"))
                    .isEqualTo(Math.round(10_000.0 * converted / targeted) / 10_000.0);
        }
        assertThat(experiment.getMap("comparisons")).containsKeys("A", "B");
        problem(given().header("Authorization", OPERATOR).queryParam("alpha", 0.9)
                .get("/campaigns/" + id + "/experiment").then(), 400).body("violations[0].field",
                org.hamcrest.Matchers.equalTo("alpha"));
    }
}
