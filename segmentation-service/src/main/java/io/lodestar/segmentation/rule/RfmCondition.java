package io.lodestar.segmentation.rule;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.lodestar.segmentation.rfm.RfmClass;
import io.lodestar.segmentation.rfm.RfmGroup;
import io.lodestar.segmentation.rfm.RfmSegment;

/**
 * The customer's group in one RFM model ({@code rfm_score.group_name}) is (not) one of some: {@code {"type": "rfm",
 * "modelId": "rfm-default", "operator": "in", "groups": ["important-value", "important-develop"]}}. Groups are the wire
 * names of the 8 {@link RfmClass classes} (threshold scheme) or of the 11 {@link RfmSegment segments} (quintile scheme),
 * never a mix: a model has one scheme. A customer the model did not score has no group (missing).
 *
 * @param modelId  the RFM model
 * @param operator how the group matches
 * @param groups   the groups, all classes or all segments
 */
public record RfmCondition(String modelId, SetOperator operator,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonDeserialize(contentUsing = RfmGroupDeserializer.class)
        List<RfmGroup> groups) implements Condition {

    public RfmCondition {
        if (modelId == null || modelId.isBlank()) {
            throw new InvalidConditionException("modelId", "is required");
        }
        if (operator == null) {
            throw new InvalidConditionException("operator", "is required");
        }
        groups = operator.checkValues(groups, "groups");
        for (int i = 1; i < groups.size(); i++) {
            if (groups.get(i).getClass() != groups.get(0).getClass()) {
                throw new InvalidConditionException("groups[" + i + "]", "mixes a class of the threshold scheme and a"
                        + " segment of the quintile scheme; one model has one scheme");
            }
        }
    }

    public static RfmCondition in(String modelId, RfmGroup... groups) {
        return new RfmCondition(modelId, SetOperator.IN, List.of(groups));
    }

    /** Every group of both schemes, as {@code rfm_score.group_name} may hold them. */
    static List<RfmGroup> allGroups() {
        List<RfmGroup> all = new ArrayList<>(List.of(RfmClass.values()));
        all.addAll(List.of(RfmSegment.values()));
        return List.copyOf(all);
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        return operator.test(facts.rfmGroups().get(modelId), groups);
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        // At most one row: (model_id, customer_id) is the primary key.
        SqlFragment group = SqlFragment.builder()
                .sql("(SELECT s.group_name FROM rfm_score s WHERE s.model_id = ").param(modelId, "text")
                .sql(" AND s.customer_id = f.customer_id)").build();
        return operator.sql(names(groups), names(allGroups()), names -> SetOperator.columnIn(group, names, "text"), null);
    }

    private static List<String> names(List<RfmGroup> groups) {
        return groups.stream().map(RfmGroup::wireName).toList();
    }
}
