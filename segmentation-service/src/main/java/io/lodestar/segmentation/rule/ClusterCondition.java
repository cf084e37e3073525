package io.lodestar.segmentation.rule;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The customer's K-means cluster ({@code customer_assignment.cluster_id}) is (not) one of some: {@code {"type":
 * "cluster", "operator": "in", "clusterIds": [0, 3]}}. Missing before the first clustering run assigned the customer.
 */
public record ClusterCondition(SetOperator operator,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> clusterIds) implements Condition {

    public ClusterCondition {
        if (operator == null) {
            throw new InvalidConditionException("operator", "is required");
        }
        clusterIds = operator.checkValues(clusterIds, "clusterIds");
        for (int i = 0; i < clusterIds.size(); i++) {
            if (clusterIds.get(i) < 0) {
                throw new InvalidConditionException("clusterIds[" + i + "]", "must not be negative");
            }
        }
    }

    public static ClusterCondition in(Integer... clusterIds) {
        return new ClusterCondition(SetOperator.IN, List.of(clusterIds));
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        return operator.test(facts.assignment().clusterId(), clusterIds);
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        SqlFragment cluster = Wire.assignmentColumn("cluster_id");
        return operator.sql(clusterIds, null, ids -> SetOperator.columnIn(cluster, ids, "int4"),
                SetOperator.isNotNull(cluster));
    }
}
