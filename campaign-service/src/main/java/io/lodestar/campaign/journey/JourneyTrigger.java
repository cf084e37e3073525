package io.lodestar.campaign.journey;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.lodestar.contracts.behaviour.BehaviourType;

/**
 * What starts a journey instance. On the wire an object whose {@code type} names the kind
 * ({@code {"type": "segment_entered", "segmentId": "churn=high"}}).
 *
 * <p>Each kind answers the three questions the runner asks of it, so that no caller switches on the kind for them:
 * whether one instance belongs to one customer ({@link #customerScoped()}), how long a new instance waits before its
 * first step ({@link #entryDelay()}), and which event withdraws it while it waits ({@link #cancelledBy()}). The delay
 * is what makes "no second order 15 days after the first" a trigger: the instance enters at the first order, stays
 * {@link JourneyState.Status#PENDING} for 15 days, and is cancelled if an order is paid meanwhile.
 *
 * <p>Parameters are not checked when a record is built, so that a definition read from JSON reports every fault at
 * once; {@link JourneyValidator} checks the ranges.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JourneyTrigger.SegmentEntered.class, name = "segment_entered"),
        @JsonSubTypes.Type(value = JourneyTrigger.NoRepeatPurchase.class, name = "no_repeat_purchase"),
        @JsonSubTypes.Type(value = JourneyTrigger.CartAbandoned.class, name = "cart_abandoned"),
        @JsonSubTypes.Type(value = JourneyTrigger.ItemTrending.class, name = "item_trending"),
        @JsonSubTypes.Type(value = JourneyTrigger.Birthday.class, name = "birthday"),
        @JsonSubTypes.Type(value = JourneyTrigger.ExplicitEvent.class, name = "explicit_event")
})
public sealed interface JourneyTrigger {

    // The ranges JourneyValidator enforces: beyond them a trigger no longer means what its name says (a "cart
    // abandoned" after 60 days is a lapsed customer, a birthday greeting 2 months ahead is noise).
    /** Smallest {@link NoRepeatPurchase#afterDays()}. */
    int MIN_AFTER_DAYS = 1;
    /** Largest {@link NoRepeatPurchase#afterDays()}: a year. */
    int MAX_AFTER_DAYS = 365;
    /** Smallest {@link CartAbandoned#afterHours()}. */
    int MIN_AFTER_HOURS = 1;
    /** Largest {@link CartAbandoned#afterHours()}: 30 days. */
    int MAX_AFTER_HOURS = 720;
    /** Smallest {@link Birthday#daysBefore()}: on the day. */
    int MIN_DAYS_BEFORE = 0;
    /** Largest {@link Birthday#daysBefore()}. */
    int MAX_DAYS_BEFORE = 30;

    /**
     * Whether an instance is started for the one customer the triggering event is about. When false (an item
     * trends), the event names no customer and the runner starts one instance per member of an audience segment.
     */
    boolean customerScoped();

    /** How long a new instance stays pending before its entry step runs; zero starts it at once. */
    default Duration entryDelay() {
        return Duration.ZERO;
    }

    /**
     * The event that withdraws a pending instance ({@link JourneyState.Status#CANCELLED}), because it makes the
     * trigger's condition false; {@code null} when nothing does (the trigger has no delay, or nothing undoes it).
     */
    default JourneyEvent cancelledBy() {
        return null;
    }

    /** Whether {@code event} withdraws a pending instance of this trigger. */
    default boolean isCancelledBy(JourneyEvent event) {
        return event != null && event == cancelledBy();
    }

    /** The customer became a member of a segment (an RFM class, a churn level, a rule segment, by id). */
    record SegmentEntered(String segmentId) implements JourneyTrigger {

        @Override
        public boolean customerScoped() {
            return true;
        }
    }

    /**
     * The customer paid a first order and no second one within {@code afterDays}: the instance enters at the first
     * order and runs {@code afterDays} later unless an order is paid meanwhile.
     */
    record NoRepeatPurchase(int afterDays) implements JourneyTrigger {

        @Override
        public boolean customerScoped() {
            return true;
        }

        @Override
        public Duration entryDelay() {
            return Duration.ofDays(afterDays);
        }

        @Override
        public JourneyEvent cancelledBy() {
            return JourneyEvent.ORDER_PAID;
        }
    }

    /**
     * The customer added to the cart and did not check out within {@code afterHours}: the instance enters at the
     * add-to-cart and runs {@code afterHours} later unless an order is paid meanwhile.
     */
    record CartAbandoned(int afterHours) implements JourneyTrigger {

        @Override
        public boolean customerScoped() {
            return true;
        }

        @Override
        public Duration entryDelay() {
            return Duration.ofHours(afterHours);
        }

        @Override
        public JourneyEvent cancelledBy() {
            return JourneyEvent.ORDER_PAID;
        }
    }

    /**
     * An item started trending. The event names no customer, so the runner starts one instance per member of
     * {@code audienceSegmentId}.
     *
     * @param category only items of this category trigger; {@code null} means any category
     */
    record ItemTrending(String category, String audienceSegmentId) implements JourneyTrigger {

        @Override
        public boolean customerScoped() {
            return false;
        }
    }

    /** The customer's birthday is {@code daysBefore} days away (0: on the day); the runner checks it daily. */
    record Birthday(int daysBefore) implements JourneyTrigger {

        @Override
        public boolean customerScoped() {
            return true;
        }
    }

    /** The customer did something on a touchpoint (added to cart, claimed a coupon, …). */
    record ExplicitEvent(BehaviourType eventType) implements JourneyTrigger {

        @Override
        public boolean customerScoped() {
            return true;
        }
    }
}
