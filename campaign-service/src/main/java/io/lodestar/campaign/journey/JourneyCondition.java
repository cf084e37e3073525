package io.lodestar.campaign.journey;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.lodestar.contracts.customer.MemberTier;

/**
 * What a {@link JourneyStep.Branch} asks about the customer: a typed tree instead of operator strings, evaluated in
 * memory against the {@link JourneyFacts} the runner loaded. On the wire an object whose {@code type} names the kind
 * ({@code {"type": "all_of", "conditions": [...]}}).
 *
 * <p>Records accept anything so that a definition read from JSON reports every fault with its path;
 * {@link JourneyValidator} refuses empty groups and tier sets. Evaluation of what the validator refuses is still
 * defined (an empty {@code all_of} is true, an empty {@code any_of} false, as in logic).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JourneyCondition.HasOrderedSinceEntry.class, name = "has_ordered_since_entry"),
        @JsonSubTypes.Type(value = JourneyCondition.OpenedLastMessage.class, name = "opened_last_message"),
        @JsonSubTypes.Type(value = JourneyCondition.ClickedLastMessage.class, name = "clicked_last_message"),
        @JsonSubTypes.Type(value = JourneyCondition.MemberTierIn.class, name = "member_tier_in"),
        @JsonSubTypes.Type(value = JourneyCondition.Not.class, name = "not"),
        @JsonSubTypes.Type(value = JourneyCondition.AllOf.class, name = "all_of"),
        @JsonSubTypes.Type(value = JourneyCondition.AnyOf.class, name = "any_of")
})
public sealed interface JourneyCondition {

    /** Whether the customer described by {@code facts} meets the condition. */
    boolean test(JourneyFacts facts);

    /** The customer paid an order at or after entering the journey. */
    record HasOrderedSinceEntry() implements JourneyCondition {

        @Override
        public boolean test(JourneyFacts facts) {
            return notBefore(facts.lastOrderPaidAt(), facts.enteredAt());
        }
    }

    /** The instance's last message was opened (after it was sent). False before the first message. */
    record OpenedLastMessage() implements JourneyCondition {

        @Override
        public boolean test(JourneyFacts facts) {
            return facts.lastMessageSentAt() != null
                    && notBefore(facts.lastMessageOpenedAt(), facts.lastMessageSentAt());
        }
    }

    /** The instance's last message was clicked (after it was sent). False before the first message. */
    record ClickedLastMessage() implements JourneyCondition {

        @Override
        public boolean test(JourneyFacts facts) {
            return facts.lastMessageSentAt() != null
                    && notBefore(facts.lastMessageClickedAt(), facts.lastMessageSentAt());
        }
    }

    /** The customer's loyalty tier is one of {@code tiers}; a customer without a tier is in none. */
    record MemberTierIn(Set<MemberTier> tiers) implements JourneyCondition {

        public MemberTierIn {
            tiers = Lists.enumSet(tiers, MemberTier.class, "tiers");
        }

        @Override
        public boolean test(JourneyFacts facts) {
            return facts.memberTier() != null && tiers.contains(facts.memberTier());
        }
    }

    /** The complement of {@code condition}. */
    record Not(JourneyCondition condition) implements JourneyCondition {

        @Override
        public boolean test(JourneyFacts facts) {
            if (condition == null) {
                // Only an unvalidated definition gets here; say what is wrong rather than fail with an NPE.
                throw new IllegalStateException("a 'not' condition has no condition");
            }
            return !condition.test(facts);
        }
    }

    /** Every one of {@code conditions} holds. */
    record AllOf(List<JourneyCondition> conditions) implements JourneyCondition {

        public AllOf {
            conditions = Lists.copyOrEmpty(conditions, "conditions");
        }

        /** All of the given conditions. */
        public static AllOf of(JourneyCondition... conditions) {
            return new AllOf(List.of(conditions));
        }

        @Override
        public boolean test(JourneyFacts facts) {
            return conditions.stream().allMatch(condition -> condition.test(facts));
        }
    }

    /** At least one of {@code conditions} holds. */
    record AnyOf(List<JourneyCondition> conditions) implements JourneyCondition {

        public AnyOf {
            conditions = Lists.copyOrEmpty(conditions, "conditions");
        }

        /** Any of the given conditions. */
        public static AnyOf of(JourneyCondition... conditions) {
            return new AnyOf(List.of(conditions));
        }

        @Override
        public boolean test(JourneyFacts facts) {
            return conditions.stream().anyMatch(condition -> condition.test(facts));
        }
    }

    /** {@code at} happened, and not before {@code since}. */
    private static boolean notBefore(Instant at, Instant since) {
        return at != null && !at.isBefore(since);
    }
}
