package io.lodestar.segmentation.rule;

import io.lodestar.segmentation.lifecycle.LifecycleStage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.LodestarJson;
import io.lodestar.contracts.WireNames;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.segmentation.rfm.RfmClass;
import io.lodestar.segmentation.rule.AttributeCondition.Attribute;
import io.lodestar.segmentation.rule.FeatureCondition.Feature;

/** The JSON form: every condition type round-trips, the output is valid against the schema, and the schema matches the code. */
class ConditionCodecTest {

    private final ObjectMapper mapper = LodestarJson.newObjectMapper();
    private final ConditionCodec codec = new ConditionCodec(mapper);

    static Stream<Arguments> examples() {
        return ConditionExamples.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyConditionRoundTripsThroughJsonThatTheSchemaAccepts(String name, Condition condition) {
        JsonNode json = codec.toJson(condition);

        assertThat(codec.violations(json, "condition")).as(json.toString()).isEmpty();
        assertThat(codec.read(json)).isEqualTo(condition);
        assertThat(codec.read(codec.write(condition))).isEqualTo(condition);
    }

    @Test
    void everyConditionTypeHasAnExample() {
        Set<Class<?>> covered = new HashSet<>();
        ConditionExamples.all().values().forEach(c -> collectTypes(c, covered));

        assertThat(covered).containsExactlyInAnyOrder(Condition.class.getPermittedSubclasses());
    }

    @Test
    void readsTheDocumentedWireForm() throws IOException {
        String json = """
                {"type": "all", "children": [
                  {"type": "attribute", "field": "city_tier", "operator": "in", "values": ["tier-1", "new-tier-1"]},
                  {"type": "feature", "field": "orders_in_last_days", "days": 30, "operator": "gte", "value": 2},
                  {"type": "feature", "field": "net_spend", "operator": "between", "min": 100, "max": 500.50},
                  {"type": "any", "children": [
                    {"type": "rfm", "modelId": "rfm-default", "operator": "in", "groups": ["important-value"]},
                    {"type": "event_count", "behaviour": "product_view", "category": "beauty", "days": 7, "atLeast": 3}
                  ]},
                  {"type": "not", "child": {"type": "segment", "segmentId": "churned"}},
                  {"type": "preferred_channel", "operator": "is_set"}
                ]}""";

        Condition condition = codec.read(mapper.readTree(json));

        assertThat(condition).isEqualTo(All.of(
                AttributeCondition.in(Attribute.CITY_TIER, "tier-1", "new-tier-1"),
                FeatureCondition.inLastDays(Feature.ORDERS_IN_LAST_DAYS, 30, ComparisonOperator.GTE, new BigDecimal("2")),
                FeatureCondition.between(Feature.NET_SPEND, new BigDecimal("100"), new BigDecimal("500.50")),
                Any.of(RfmCondition.in("rfm-default", RfmClass.IMPORTANT_VALUE),
                        new EventCountCondition(BehaviourType.PRODUCT_VIEW, "beauty", 7, 3)),
                new Not(new SegmentReference("churned")),
                new PreferredChannelCondition(SetOperator.IS_SET, List.of())));
        assertThat(mapper.readTree(codec.write(condition))).isEqualTo(mapper.readTree(json));
    }

    @Test
    void writesTheTypeFirstAndLeavesOutWhatAnOperatorDoesNotTake() {
        assertThat(codec.write(new AttributeCondition(Attribute.GENDER, SetOperator.IS_NOT_SET, List.of())))
                .isEqualTo("{\"type\":\"attribute\",\"field\":\"gender\",\"operator\":\"is_not_set\"}");
        assertThat(codec.write(FeatureCondition.compare(Feature.PAID_ORDERS, ComparisonOperator.GTE, BigDecimal.TEN)))
                .isEqualTo("{\"type\":\"feature\",\"field\":\"paid_orders\",\"operator\":\"gte\",\"value\":10}");
    }

    @Test
    void schemaIsAValid2020_12Schema() throws IOException {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

        assertThat(factory.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema")).validate(schema()))
                .isEmpty();
        assertThat(schema().path("$id").asText()).isEqualTo("https://lodestar.io/schemas/rule-condition.v1.json");
    }

    @Test
    void schemaNamesExactlyTheTypesOperatorsAndValuesOfTheCode() throws IOException {
        JsonNode defs = schema().path("$defs");
        List<String> typeNames = Arrays.stream(Condition.class.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::name).toList();
        assertThat(texts(defs.at("/condition/properties/type/enum"))).containsExactlyElementsOf(typeNames);
        assertThat(typeNames).allSatisfy(type -> assertThat(defs.has(type)).as(type).isTrue());

        assertThat(texts(defs.at("/attribute/properties/field/enum"))).containsExactlyElementsOf(WireNames.all(Attribute.class));
        for (Attribute attribute : Attribute.values()) {
            assertThat(conditional(defs.path("attribute"), "field", attribute.wireName(), "/properties/values/items/enum"))
                    .as(attribute.wireName()).isEqualTo(attribute.domain());
        }
        assertThat(texts(defs.at("/feature/properties/field/enum"))).containsExactlyElementsOf(WireNames.all(Feature.class));
        assertThat(texts(defs.at("/feature/properties/operator/enum")))
                .containsExactlyElementsOf(WireNames.all(ComparisonOperator.class));
        for (String setType : List.of("attribute", "preferred_channel", "top_category", "rfm", "cluster", "lifecycle_stage",
                "churn_risk")) {
            assertThat(texts(defs.path(setType).at("/properties/operator/enum"))).as(setType)
                    .containsExactlyElementsOf(WireNames.all(SetOperator.class));
        }
        assertThat(texts(defs.at("/preferred_channel/properties/channels/items/enum")))
                .containsExactlyElementsOf(WireNames.all(Channel.class));
        assertThat(texts(defs.at("/rfm/properties/groups/items/enum")))
                .containsExactlyElementsOf(RfmCondition.allGroups().stream().map(g -> g.wireName()).toList());
        assertThat(texts(defs.at("/lifecycle_stage/properties/stages/items/enum")))
                .containsExactlyElementsOf(WireNames.all(LifecycleStage.class));
        assertThat(texts(defs.at("/churn_risk/properties/levels/items/enum")))
                .containsExactlyElementsOf(WireNames.all(ChurnRisk.class));
        assertThat(texts(defs.at("/event_count/properties/behaviour/enum")))
                .containsExactlyElementsOf(WireNames.all(BehaviourType.class));
        assertThat(windowedFieldsOfTheSchema(defs.path("feature")))
                .containsExactlyElementsOf(Arrays.stream(Feature.values()).filter(Feature::windowed)
                        .map(Feature::wireName).toList());
        assertThat(wholeNumberFieldsOfTheSchema(defs.path("feature")))
                .containsExactlyElementsOf(Arrays.stream(Feature.values()).filter(Feature::wholeNumber)
                        .map(Feature::wireName).toList());
        assertThat(defs.at("/feature/properties/days/maximum").asInt()).isEqualTo(TimeWindow.MAX_DAYS);
        assertThat(defs.at("/event_count/properties/days/maximum").asInt()).isEqualTo(TimeWindow.MAX_DAYS);
    }

    private static void collectTypes(Condition condition, Set<Class<?>> types) {
        types.add(condition.getClass());
        condition.operands().forEach(operand -> collectTypes(operand, types));
    }

    /** The node at {@code pointer} of the {@code then} whose {@code if} says {@code property} is {@code value}. */
    private static List<String> conditional(JsonNode def, String property, String value, String pointer) {
        for (JsonNode rule : def.path("allOf")) {
            JsonNode test = rule.at("/if/properties/" + property + "/const");
            if (test.asText().equals(value)) {
                return texts(rule.path("then").at(pointer));
            }
        }
        return null;
    }

    private static List<String> windowedFieldsOfTheSchema(JsonNode feature) {
        for (JsonNode rule : feature.path("allOf")) {
            if (rule.at("/then/required").toString().equals("[\"days\"]")) {
                return texts(rule.at("/if/properties/field/enum"));
            }
        }
        return List.of();
    }

    private static List<String> wholeNumberFieldsOfTheSchema(JsonNode feature) {
        for (JsonNode rule : feature.path("allOf")) {
            if (rule.at("/then/properties/value/type").asText().equals("integer")) {
                return texts(rule.at("/if/properties/field/enum"));
            }
        }
        return List.of();
    }

    private static List<String> texts(JsonNode array) {
        if (array.isMissingNode()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private JsonNode schema() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ConditionCodec.SCHEMA)) {
            return mapper.readTree(in);
        }
    }
}
