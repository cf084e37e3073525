package io.lodestar.segmentation.rule;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;

/**
 * The customer's preferred channel (the one with the most events and paid orders, {@code customer_feature_view
 * .preferred_channel}) is (not) one of some: {@code {"type": "preferred_channel", "operator": "in", "channels":
 * ["live_stream"]}}. Missing for a customer without any events or orders.
 */
public record PreferredChannelCondition(SetOperator operator,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Channel> channels) implements Condition {

    public PreferredChannelCondition {
        if (operator == null) {
            throw new InvalidConditionException("operator", "is required");
        }
        channels = operator.checkValues(channels, "channels");
    }

    public static PreferredChannelCondition in(Channel... channels) {
        return new PreferredChannelCondition(SetOperator.IN, List.of(channels));
    }

    @Override
    public boolean matches(CustomerFacts facts, EvaluationContext ctx) {
        return operator.test(facts.features().preferredChannel(), channels);
    }

    @Override
    public SqlFragment toSql(SqlContext ctx) {
        return operator.sql(Wire.names(channels), WireNames.all(Channel.class),
                names -> SetOperator.columnIn(SqlFragment.sql("f.preferred_channel"), names, "text"), null);
    }
}
