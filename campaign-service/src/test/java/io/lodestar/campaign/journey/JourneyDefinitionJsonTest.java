package io.lodestar.campaign.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import io.lodestar.contracts.JsonFieldPath;
import io.lodestar.contracts.LodestarJson;
import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.contracts.customer.MemberTier;

/** The wire form through the one Lodestar mapper: what operators post is read into typed records and written back. */
class JourneyDefinitionJsonTest {

    /** The example of the journey specification, verbatim. */
    static final String EXAMPLE = """
            { "trigger": {"type": "segment_entered", "segmentId": "churn-risk"},
              "entryStep": "offer",
              "steps": [
                {"type": "send", "id": "offer", "template": "Hi {{name}}, 20% off: {{coupon}}", "channels": ["app_push","sms"], "withOffer": true, "next": "wait"},
                {"type": "wait_for", "id": "wait", "event": "order_paid", "timeout": "P3D", "onEvent": "done", "onTimeout": "reminder"},
                {"type": "send", "id": "reminder", "template": "{{recommendations}}", "next": "check"},
                {"type": "branch", "id": "check", "condition": {"type": "clicked_last_message"}, "then": "done", "otherwise": "done"},
                {"type": "wait", "id": "pause", "duration": "PT12H", "next": "done"},
                {"type": "exit", "id": "done"} ],
              "exitOn": ["order_paid"],
              "reentry": "P30D" }
            """;

    private final ObjectMapper mapper = LodestarJson.newObjectMapper();

    @Test
    void theSpecificationExampleIsReadIntoTypedRecords() throws Exception {
        JourneyDefinition read = mapper.readValue(EXAMPLE, JourneyDefinition.class);

        assertThat(read).isEqualTo(new JourneyDefinition(
                new JourneyTrigger.SegmentEntered("churn-risk"),
                "offer",
                List.of(
                        new JourneyStep.Send("offer", "Hi {{name}}, 20% off: {{coupon}}",
                                List.of(MessageChannel.APP_PUSH, MessageChannel.SMS), true, "wait"),
                        new JourneyStep.WaitFor("wait", JourneyEvent.ORDER_PAID, Duration.ofDays(3), "done",
                                "reminder"),
                        // withOffer and channels left out: no coupon, the campaign's channels.
                        new JourneyStep.Send("reminder", "{{recommendations}}", null, false, "check"),
                        new JourneyStep.Branch("check", new JourneyCondition.ClickedLastMessage(), "done", "done"),
                        new JourneyStep.Wait("pause", Duration.ofHours(12), "done"),
                        new JourneyStep.Exit("done")),
                List.of(JourneyEvent.ORDER_PAID),
                Duration.ofDays(30)));
    }

    @Test
    void theSpecificationExampleRoundTripsWithWireNamesAndIsoDurations() throws Exception {
        JourneyDefinition read = mapper.readValue(EXAMPLE, JourneyDefinition.class);

        String written = mapper.writeValueAsString(read);
        JsonNode tree = mapper.readTree(written);

        assertThat(mapper.readValue(written, JourneyDefinition.class)).isEqualTo(read);
        assertThat(tree.at("/trigger/type").asText()).isEqualTo("segment_entered");
        assertThat(tree.at("/steps/0/channels").toString()).isEqualTo("[\"app_push\",\"sms\"]");
        assertThat(tree.at("/steps/1/type").asText()).isEqualTo("wait_for");
        assertThat(tree.at("/steps/1/event").asText()).isEqualTo("order_paid");
        // 3 days = 72 hours; ISO text rather than 259200 seconds.
        assertThat(tree.at("/steps/1/timeout").asText()).isEqualTo("PT72H");
        assertThat(tree.at("/steps/3/condition/type").asText()).isEqualTo("clicked_last_message");
        assertThat(tree.at("/steps/4/duration").asText()).isEqualTo("PT12H");
        assertThat(tree.at("/exitOn/0").asText()).isEqualTo("order_paid");
        assertThat(tree.at("/reentry").asText()).isEqualTo("PT720H");
        // Absent channels stay absent (null: the campaign's channels), not an empty list.
        assertThat(tree.at("/steps/2").has("channels")).isFalse();
        // Only the record components are written: no derived transitions, delays or flags.
        assertThat(tree.at("/steps/0").properties()).extracting(Map.Entry::getKey)
                .containsExactly("type", "id", "template", "channels", "withOffer", "next");
        assertThat(tree.get("trigger").properties()).extracting(Map.Entry::getKey)
                .containsExactly("type", "segmentId");
    }

    @Test
    void theSpecificationExampleIsFlaggedForItsDeadStepAndDeadBranch() throws Exception {
        JourneyDefinition read = mapper.readValue(EXAMPLE, JourneyDefinition.class);

        // "pause" is linked from nowhere, and order_paid is both awaited and an exit event, so the exit always wins.
        assertThat(JourneyValidator.validate(read)).extracting(Violation::field)
                .containsExactlyInAnyOrder("journey.steps[4]", "journey.steps[1].event");
    }

    static Stream<Arguments> triggers() {
        return Stream.of(
                Arguments.of("{\"type\":\"segment_entered\",\"segmentId\":\"churn=high\"}",
                        new JourneyTrigger.SegmentEntered("churn=high")),
                Arguments.of("{\"type\":\"no_repeat_purchase\",\"afterDays\":15}",
                        new JourneyTrigger.NoRepeatPurchase(15)),
                Arguments.of("{\"type\":\"cart_abandoned\",\"afterHours\":4}", new JourneyTrigger.CartAbandoned(4)),
                Arguments.of("{\"type\":\"item_trending\",\"category\":\"shoes\",\"audienceSegmentId\":\"lifecycle=active\"}",
                        new JourneyTrigger.ItemTrending("shoes", "lifecycle=active")),
                Arguments.of("{\"type\":\"item_trending\",\"audienceSegmentId\":\"lifecycle=active\"}",
                        new JourneyTrigger.ItemTrending(null, "lifecycle=active")),
                Arguments.of("{\"type\":\"birthday\",\"daysBefore\":3}", new JourneyTrigger.Birthday(3)),
                Arguments.of("{\"type\":\"explicit_event\",\"eventType\":\"coupon_claim\"}",
                        new JourneyTrigger.ExplicitEvent(BehaviourType.COUPON_CLAIM)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("triggers")
    void everyTriggerKindHasItsWireForm(String json, JourneyTrigger expected) throws Exception {
        assertThat(mapper.readValue(json, JourneyTrigger.class)).isEqualTo(expected);
        assertThat(mapper.readTree(mapper.writeValueAsString(expected))).isEqualTo(mapper.readTree(json));
    }

    @Test
    void everyConditionKindHasItsWireForm() throws Exception {
        String json = """
                {"type":"any_of","conditions":[
                  {"type":"has_ordered_since_entry"},
                  {"type":"opened_last_message"},
                  {"type":"all_of","conditions":[
                    {"type":"member_tier_in","tiers":["gold","silver"]},
                    {"type":"not","condition":{"type":"clicked_last_message"}}]}]}
                """;

        JourneyCondition read = mapper.readValue(json, JourneyCondition.class);

        assertThat(read).isEqualTo(JourneyCondition.AnyOf.of(
                new JourneyCondition.HasOrderedSinceEntry(),
                new JourneyCondition.OpenedLastMessage(),
                JourneyCondition.AllOf.of(
                        new JourneyCondition.MemberTierIn(Set.of(MemberTier.GOLD, MemberTier.SILVER)),
                        new JourneyCondition.Not(new JourneyCondition.ClickedLastMessage()))));
        // Tiers are written in declaration order (silver before gold), whatever order they were given in.
        assertThat(mapper.writeValueAsString(read)).contains("\"tiers\":[\"silver\",\"gold\"]");
        assertThat(mapper.readValue(mapper.writeValueAsString(read), JourneyCondition.class)).isEqualTo(read);
    }

    @Test
    void anUnknownStepTypeIsRefusedWithItsPath() {
        String json = "{\"entryStep\":\"a\",\"steps\":[{\"type\":\"exit\",\"id\":\"b\"},{\"type\":\"jump\",\"id\":\"a\"}]}";

        assertThatThrownBy(() -> mapper.readValue(json, JourneyDefinition.class))
                .isInstanceOf(InvalidTypeIdException.class)
                .satisfies(e -> assertThat(JsonFieldPath.of((JsonMappingException) e)).isEqualTo("steps[1]"));
    }

    @Test
    void aMissingTriggerNumberIsRefusedWithItsPathRatherThanReadAsZero() {
        String json = "{\"trigger\":{\"type\":\"no_repeat_purchase\"},\"entryStep\":\"a\",\"steps\":[]}";

        assertThatThrownBy(() -> mapper.readValue(json, JourneyDefinition.class))
                .isInstanceOf(JsonMappingException.class)
                .satisfies(e -> assertThat(JsonFieldPath.of((JsonMappingException) e))
                        .isEqualTo("trigger.afterDays"));
    }

    @Test
    void aNullStepIsRefusedWithItsIndex() {
        String json = "{\"entryStep\":\"a\",\"steps\":[{\"type\":\"exit\",\"id\":\"a\"},null]}";

        assertThatThrownBy(() -> mapper.readValue(json, JourneyDefinition.class))
                .isInstanceOf(JsonMappingException.class)
                .satisfies(e -> assertThat(JsonFieldPath.of((JsonMappingException) e)).isEqualTo("steps[1]"));
    }

    @Test
    void absentListsAreEmptyAndAbsentReentryMeansOnce() throws Exception {
        JourneyDefinition read = mapper.readValue(
                "{\"trigger\":{\"type\":\"birthday\",\"daysBefore\":0},\"entryStep\":\"a\"}", JourneyDefinition.class);

        assertThat(read.steps()).isEmpty();
        assertThat(read.exitOn()).isEmpty();
        assertThat(read.reentry()).isNull();
    }
}
