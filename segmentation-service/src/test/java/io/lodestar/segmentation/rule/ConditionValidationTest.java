package io.lodestar.segmentation.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lodestar.contracts.LodestarJson;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.Problem;
import io.lodestar.platform.problem.ProblemExceptionMappers;
import io.lodestar.segmentation.rfm.RfmClass;
import io.lodestar.segmentation.rfm.RfmSegment;
import io.lodestar.segmentation.rule.AttributeCondition.Attribute;
import io.lodestar.segmentation.rule.FeatureCondition.Feature;

/** Bad trees are refused with the JSON path of each offending field and what is wrong with it. */
class ConditionValidationTest {

    private final ObjectMapper mapper = LodestarJson.newObjectMapper();
    private final ConditionCodec codec = new ConditionCodec(mapper);

    static Stream<Arguments> invalidTrees() {
        return Stream.of(
                // unknown fields
                invalid("{'type': 'attribute', 'field': 'gender', 'operator': 'in', 'values': ['male'], 'colour': 'red'}",
                        "condition.colour", "is not a known field of attribute conditions"),
                invalid("{'type': 'all', 'children': [{'type': 'segment', 'segmentId': 'a', 'id': 'a'}]}",
                        "condition.children[0].id", "is not a known field of segment conditions"),
                invalid("{'type': 'attribute', 'field': 'shoe_size', 'operator': 'in', 'values': ['42']}",
                        "condition.field", "'shoe_size' is not a known attribute; use one of gender, age_band"),
                invalid("{'type': 'feature', 'field': 'lifetime_value', 'operator': 'gt', 'value': 1}",
                        "condition.field", "'lifetime_value' is not a known feature; use one of paid_orders"),
                invalid("{'type': 'score', 'value': 3}",
                        "condition.type", "'score' is not a condition type; use one of all, any, not, attribute"),
                invalid("{'field': 'gender', 'operator': 'in', 'values': ['male']}", "condition.type", "is required"),
                // wrong operator for the field's type
                invalid("{'type': 'any', 'children': [{'type': 'segment', 'segmentId': 'a'},"
                        + " {'type': 'feature', 'field': 'net_spend', 'operator': 'in', 'value': 3}]}",
                        "condition.children[1].operator",
                        "'in' is not an operator of feature conditions; use one of eq, ne, gt, gte, lt, lte, between"),
                invalid("{'type': 'attribute', 'field': 'gender', 'operator': 'gt', 'values': ['male']}",
                        "condition.operator",
                        "'gt' is not an operator of attribute conditions; use one of in, not_in, is_set, is_not_set"),
                invalid("{'type': 'cluster', 'operator': 'between', 'clusterIds': [1]}",
                        "condition.operator", "'between' is not an operator of cluster conditions"),
                // empty groups
                invalid("{'type': 'all', 'children': []}", "condition.children", "must hold at least one condition"),
                invalid("{'type': 'not', 'child': {'type': 'any', 'children': []}}",
                        "condition.child.children", "must hold at least one condition"),
                invalid("{'type': 'all'}", "condition.children", "is required"),
                invalid("{'type': 'not'}", "condition.child", "is required"),
                invalid("{'type': 'attribute', 'field': 'gender', 'operator': 'in', 'values': []}",
                        "condition.values", "must list at least one value"),
                invalid("{'type': 'attribute', 'field': 'gender', 'operator': 'not_in'}", "condition.values", "is required"),
                // between with min > max (the record refuses it)
                invalid("{'type': 'all', 'children': [{'type': 'segment', 'segmentId': 'a'}, {'type': 'feature',"
                        + " 'field': 'net_spend', 'operator': 'between', 'min': 500, 'max': 100}]}",
                        "condition.children[1].min", "must not be greater than max (500 > 100)"),
                invalid("{'type': 'feature', 'field': 'net_spend', 'operator': 'between', 'min': 1}", "condition.max",
                        "is required"),
                invalid("{'type': 'feature', 'field': 'net_spend', 'operator': 'between', 'value': 1, 'min': 0, 'max': 2}",
                        "condition.value", "is not allowed with operator between; use min and max"),
                invalid("{'type': 'feature', 'field': 'net_spend', 'operator': 'gt', 'value': 1, 'max': 2}",
                        "condition.max", "is only allowed with operator between"),
                invalid("{'type': 'feature', 'field': 'net_spend', 'operator': 'gt'}", "condition.value", "is required"),
                // unknown enum values
                invalid("{'type': 'attribute', 'field': 'gender', 'operator': 'in', 'values': ['femme']}",
                        "condition.values[0]", "'femme' is not a known gender; use one of female, male, unknown"),
                invalid("{'type': 'attribute', 'field': 'city_tier', 'operator': 'in', 'values': ['tier-1', 'tier-9']}",
                        "condition.values[1]", "'tier-9' is not a known city tier; use one of tier-1, new-tier-1"),
                invalid("{'type': 'attribute', 'field': 'age_band', 'operator': 'in', 'values': ['20-30']}",
                        "condition.values[0]", "'20-30' is not a known age band; use one of under-18, 18-24"),
                invalid("{'type': 'preferred_channel', 'operator': 'in', 'channels': ['tiktok']}",
                        "condition.channels[0]", "'tiktok' is not a known channel; use one of app, mini_program"),
                invalid("{'type': 'rfm', 'modelId': 'm', 'operator': 'in', 'groups': ['whales']}",
                        "condition.groups[0]", "'whales' is not a known RFM class or segment; use one of important-value"),
                invalid("{'type': 'lifecycle_stage', 'operator': 'in', 'stages': ['dormant']}",
                        "condition.stages[0]", "'dormant' is not a known lifecycle stage; use one of prospect, new, active"),
                invalid("{'type': 'churn_risk', 'operator': 'in', 'levels': ['severe']}",
                        "condition.levels[0]", "'severe' is not a known churn risk level; use one of low, medium, high"),
                invalid("{'type': 'event_count', 'behaviour': 'purchase', 'days': 7, 'atLeast': 1}",
                        "condition.behaviour", "'purchase' is not a known behaviour; use one of page_view"),
                invalid("{'type': 'attribute', 'field': 'gender', 'operator': 'in', 'values': ['male', 'male']}",
                        "condition.values", "must not repeat a value"),
                // negative days
                invalid("{'type': 'event_count', 'behaviour': 'product_view', 'days': -7, 'atLeast': 3}",
                        "condition.days", "must be at least 1, was -7"),
                invalid("{'type': 'feature', 'field': 'orders_in_last_days', 'days': -30, 'operator': 'gte', 'value': 1}",
                        "condition.days", "must be at least 1, was -30"),
                invalid("{'type': 'feature', 'field': 'orders_in_last_days', 'days': 0, 'operator': 'gte', 'value': 1}",
                        "condition.days", "must be at least 1, was 0"),
                invalid("{'type': 'event_count', 'behaviour': 'product_view', 'days': 99999, 'atLeast': 3}",
                        "condition.days", "must be at most 36500, was 99999"),
                invalid("{'type': 'feature', 'field': 'spend_in_last_days', 'operator': 'gte', 'value': 1}",
                        "condition.days", "is required"),
                invalid("{'type': 'feature', 'field': 'net_spend', 'days': 30, 'operator': 'gte', 'value': 1}",
                        "condition.days", "is only allowed for orders_in_last_days and spend_in_last_days"),
                // other types and bounds
                invalid("{'type': 'feature', 'field': 'paid_orders', 'operator': 'gte', 'value': 2.5}",
                        "condition.value", "must be a whole number, was 2.5"),
                invalid("{'type': 'feature', 'field': 'net_spend', 'operator': 'gte', 'value': '100'}",
                        "condition.value", "must be a number"),
                invalid("{'type': 'event_count', 'behaviour': 'product_view', 'days': 7, 'atLeast': 0}",
                        "condition.atLeast", "must be at least 1, was 0"),
                invalid("{'type': 'churn_probability', 'atLeast': 1.5}", "condition.atLeast", "must be at most 1, was 1.5"),
                invalid("{'type': 'cluster', 'operator': 'in', 'clusterIds': [-1]}", "condition.clusterIds[0]",
                        "must be at least 0, was -1"),
                invalid("{'type': 'top_category', 'operator': 'in', 'categories': ['  ']}", "condition.categories[0]",
                        "must not be blank"),
                invalid("{'type': 'segment', 'segmentId': ''}", "condition.segmentId", "must not be blank"),
                invalid("{'type': 'attribute', 'field': 'region', 'operator': 'is_set', 'values': ['east']}",
                        "condition.values", "is not allowed with operator is_set"),
                invalid("{'type': 'rfm', 'modelId': 'm', 'operator': 'in', 'groups': ['champions', 'important-value']}",
                        "condition.groups[1]", "mixes a class of the threshold scheme and a segment of the quintile scheme"),
                invalid("{'type': 'all', 'children': [7]}", "condition.children[0]", "must be a condition object"),
                invalid("['all']", "condition", "must be a condition object"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("invalidTrees")
    void refusesNamingThePathAndTheProblem(String json, String field, String message) {
        RuleValidationException e = catchThrowableOfType(RuleValidationException.class, () -> codec.read(tree(json)));

        assertThat(e).as("refused").isNotNull();
        assertThat(e.violations()).anySatisfy(v -> {
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.message()).startsWith(message);
        });
    }

    @Test
    void reportsEverySchemaViolationAtOnce() {
        String json = "{'type': 'all', 'children': ["
                + "{'type': 'feature', 'field': 'net_spend', 'operator': 'in', 'value': 3},"
                + "{'type': 'any', 'children': []},"
                + "{'type': 'event_count', 'behaviour': 'product_view', 'days': -1, 'atLeast': 2, 'weight': 1}]}";

        RuleValidationException e = catchThrowableOfType(RuleValidationException.class, () -> codec.read(tree(json)));

        assertThat(e.violations()).extracting(Problem.Violation::field).containsExactly(
                "condition.children[0].operator", "condition.children[1].children", "condition.children[2].days",
                "condition.children[2].weight");
    }

    @Test
    void pathsStartAtTheFieldTheCallerNames() {
        RuleValidationException e = catchThrowableOfType(RuleValidationException.class,
                () -> codec.read(tree("{'type': 'all', 'children': []}"), "definition.condition"));

        assertThat(e.violations()).extracting(Problem.Violation::field).containsExactly("definition.condition.children");
    }

    @Test
    void refusesAMissingTreeAndMalformedJson() {
        assertThat(catchThrowableOfType(RuleValidationException.class, () -> codec.read((JsonNode) null)).violations())
                .containsExactly(new Problem.Violation("condition", "is required"));
        assertThat(catchThrowableOfType(RuleValidationException.class, () -> codec.read("{\"type\": ")).violations())
                .containsExactly(new Problem.Violation("condition", "is not valid JSON"));
    }

    @Test
    void refusesTreesNestedTooDeeplyBeforeValidatingThem() {
        ObjectNode leaf = mapper.createObjectNode().put("type", "segment").put("segmentId", "a");
        JsonNode nested = leaf;
        for (int i = 0; i < ConditionCodec.MAX_DEPTH; i++) {
            ObjectNode not = mapper.createObjectNode().put("type", "not");
            not.set("child", nested);
            nested = not;
        }
        JsonNode tree = nested;

        RuleValidationException e = catchThrowableOfType(RuleValidationException.class, () -> codec.read(tree));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("condition" + ".child".repeat(ConditionCodec.MAX_DEPTH));
            assertThat(v.message()).isEqualTo("nests conditions deeper than 16 levels");
        });
    }

    @Test
    void refusesTreesWithTooManyNodes() {
        ObjectNode all = mapper.createObjectNode().put("type", "any");
        for (int i = 0; i < ConditionCodec.MAX_NODES; i++) {
            all.withArray("children").addObject().put("type", "segment").put("segmentId", "s" + i);
        }

        RuleValidationException e = catchThrowableOfType(RuleValidationException.class, () -> codec.read(all));

        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("condition");
            assertThat(v.message()).startsWith("has 501 conditions; at most 500 are allowed");
        });
    }

    @Test
    void isAnInvalidInputThatThePlatformAnswersWith400AndTheViolations() {
        RuleValidationException e = catchThrowableOfType(RuleValidationException.class,
                () -> codec.read(tree("{'type': 'all', 'children': []}")));

        assertThat(e).isInstanceOf(InvalidInputException.class);
        Problem problem = ProblemExceptionMappers.toProblem(e, null);
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.violations()).containsExactly(
                new Problem.Violation("condition.children", "must hold at least one condition"));
    }

    static Stream<Arguments> invalidRecords() {
        return Stream.of(
                refused("min", () -> FeatureCondition.between(Feature.NET_SPEND, BigDecimal.TEN, BigDecimal.ONE)),
                refused("value", () -> FeatureCondition.compare(Feature.CHECKOUTS, ComparisonOperator.EQ,
                        new BigDecimal("1.5"))),
                refused("days", () -> FeatureCondition.inLastDays(Feature.ORDERS_IN_LAST_DAYS, -1, ComparisonOperator.GT,
                        BigDecimal.ONE)),
                refused("days", () -> FeatureCondition.compare(Feature.SPEND_IN_LAST_DAYS, ComparisonOperator.GT,
                        BigDecimal.ONE)),
                refused("value", () -> new FeatureCondition(Feature.NET_SPEND, null, ComparisonOperator.GT, null, null, null)),
                refused("children", () -> new All(List.of())),
                refused("children", () -> new Any(null)),
                refused("child", () -> new Not(null)),
                refused("values", () -> new AttributeCondition(Attribute.GENDER, SetOperator.IN, List.of())),
                refused("values[0]", () -> AttributeCondition.in(Attribute.GENDER, "femme")),
                refused("values[1]", () -> AttributeCondition.in(Attribute.REGION, "east", "east")),
                refused("values", () -> new AttributeCondition(Attribute.REGION, SetOperator.IS_SET, List.of("east"))),
                refused("groups[1]", () -> RfmCondition.in("m", RfmClass.IMPORTANT_VALUE, RfmSegment.CHAMPIONS)),
                refused("modelId", () -> RfmCondition.in(" ", RfmClass.IMPORTANT_VALUE)),
                refused("clusterIds[0]", () -> ClusterCondition.in(-2)),
                refused("atLeast", () -> new ChurnProbabilityCondition(new BigDecimal("-0.1"))),
                refused("days", () -> new EventCountCondition(BehaviourType.SEARCH, null, 0, 1)),
                refused("atLeast", () -> new EventCountCondition(BehaviourType.SEARCH, null, 3, 0)),
                refused("category", () -> new EventCountCondition(BehaviourType.SEARCH, "", 3, 1)),
                refused("segmentId", () -> new SegmentReference(null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRecords")
    void recordsRefuseInvalidArgumentsHoweverTheyAreBuilt(String field, ThrowingCallable build) {
        assertThatThrownBy(build).isInstanceOfSatisfying(InvalidConditionException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private static Arguments invalid(String json, String field, String message) {
        return Arguments.of(json, field, message);
    }

    private static Arguments refused(String field, ThrowingCallable build) {
        return Arguments.of(field, build);
    }

    private JsonNode tree(String singleQuoted) {
        try {
            return mapper.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }
}
