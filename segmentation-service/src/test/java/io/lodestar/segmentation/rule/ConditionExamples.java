package io.lodestar.segmentation.rule;

import io.lodestar.segmentation.lifecycle.LifecycleStage;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.segmentation.rfm.RfmClass;
import io.lodestar.segmentation.rfm.RfmSegment;
import io.lodestar.segmentation.rule.AttributeCondition.Attribute;
import io.lodestar.segmentation.rule.FeatureCondition.Feature;

/** One example of every condition type, attribute, feature and operator, for the JSON tests. */
final class ConditionExamples {

    private ConditionExamples() {
    }

    static Map<String, Condition> all() {
        Map<String, Condition> e = new LinkedHashMap<>();
        for (Attribute attribute : Attribute.values()) {
            String value = attribute.domain() == null ? "east" : attribute.domain().get(0);
            e.put("attribute " + attribute.wireName() + " in", AttributeCondition.in(attribute, value));
        }
        e.put("attribute not_in", new AttributeCondition(Attribute.MEMBER_TIER, SetOperator.NOT_IN, List.of("normal", "silver")));
        e.put("attribute is_set", new AttributeCondition(Attribute.REGION, SetOperator.IS_SET, List.of()));
        e.put("attribute is_not_set", new AttributeCondition(Attribute.AGE_BAND, SetOperator.IS_NOT_SET, null));
        for (Feature feature : Feature.values()) {
            e.put("feature " + feature.wireName(), feature.windowed()
                    ? FeatureCondition.inLastDays(feature, 30, ComparisonOperator.GTE, BigDecimal.ONE)
                    : FeatureCondition.compare(feature, ComparisonOperator.GT, new BigDecimal("2")));
        }
        for (ComparisonOperator operator : ComparisonOperator.values()) {
            e.put("feature operator " + operator.wireName(), operator == ComparisonOperator.BETWEEN
                    ? FeatureCondition.between(Feature.NET_SPEND, new BigDecimal("100.00"), new BigDecimal("500.5"))
                    : FeatureCondition.compare(Feature.DISCOUNT_SHARE, operator, new BigDecimal("0.25")));
        }
        e.put("feature windowed between", new FeatureCondition(Feature.SPEND_IN_LAST_DAYS, 90, ComparisonOperator.BETWEEN,
                null, new BigDecimal("-50"), new BigDecimal("50")));
        e.put("preferred_channel", PreferredChannelCondition.in(Channel.LIVE_STREAM, Channel.MINI_PROGRAM));
        e.put("preferred_channel is_not_set", new PreferredChannelCondition(SetOperator.IS_NOT_SET, List.of()));
        e.put("top_category", TopCategoryCondition.in("beauty", "skincare"));
        e.put("rfm classes", RfmCondition.in("rfm-default", RfmClass.IMPORTANT_VALUE, RfmClass.GENERAL_WIN_BACK));
        e.put("rfm segments not_in", new RfmCondition("rfm-quintile", SetOperator.NOT_IN,
                List.of(RfmSegment.CANT_LOSE_THEM, RfmSegment.AT_RISK)));
        e.put("cluster", ClusterCondition.in(0, 3));
        e.put("lifecycle_stage", LifecycleStageCondition.in(LifecycleStage.AT_RISK, LifecycleStage.WON_BACK));
        e.put("churn_risk", new ChurnRiskCondition(SetOperator.NOT_IN, List.of(ChurnRisk.LOW)));
        e.put("churn_probability", new ChurnProbabilityCondition(new BigDecimal("0.7")));
        e.put("event_count with category", new EventCountCondition(BehaviourType.PRODUCT_VIEW, "beauty", 7, 3));
        e.put("event_count any category", new EventCountCondition(BehaviourType.ADD_TO_CART, null, 1, 1));
        e.put("segment", new SegmentReference("vip-beauty"));
        e.put("all/any/not", All.of(
                Any.of(new SegmentReference("vip"), ClusterCondition.in(1)),
                new Not(Any.of(ChurnRiskCondition.in(ChurnRisk.HIGH))),
                new Not(new Not(TopCategoryCondition.in("home")))));
        return e;
    }
}
