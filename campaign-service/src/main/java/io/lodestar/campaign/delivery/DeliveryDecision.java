package io.lodestar.campaign.delivery;

import java.time.Instant;
import java.util.List;

import io.lodestar.contracts.MessageChannel;

/**
 * What the dispatcher does with one customer's message: send it now, hold it until the customer's send window opens
 * (a held message is released then, not dropped), or skip it. A closed set of records, so the dispatcher's
 * {@code switch} must handle every outcome and each one carries exactly the data it needs.
 *
 * <p>Every outcome keeps the channels refused on the way, in preference order, so reports can say why a customer
 * was reached by a less preferred channel or not at all.
 */
public sealed interface DeliveryDecision {

    /**
     * Send on {@code channel} now: the window is open (or the message is transactional).
     *
     * @param sendAt    the decision's {@code now}
     * @param fallbacks the more preferred channels that were refused, in preference order
     */
    record Send(MessageChannel channel, Instant sendAt, List<ChannelRefusal> fallbacks) implements DeliveryDecision {

        /** @throws IllegalArgumentException on a null field or refusal */
        public Send {
            require(channel, "send channel");
            require(sendAt, "sendAt");
            fallbacks = copy(fallbacks, "fallbacks");
        }
    }

    /**
     * Hold for {@code channel} until {@code releaseAt}, when the customer's window opens; the caps were checked for
     * the local day of {@code releaseAt}.
     *
     * @param fallbacks the more preferred channels that were refused, in preference order
     */
    record Hold(MessageChannel channel, Instant releaseAt, List<ChannelRefusal> fallbacks)
            implements DeliveryDecision {

        /** @throws IllegalArgumentException on a null field or refusal */
        public Hold {
            require(channel, "hold channel");
            require(releaseAt, "releaseAt");
            fallbacks = copy(fallbacks, "fallbacks");
        }
    }

    /**
     * Do not deliver.
     *
     * @param reason   why, as a whole ({@link DeliveryPolicy} says how it is chosen)
     * @param refusals every channel tried, in preference order (empty for {@code NO_CHANNEL})
     */
    record Skip(SkipReason reason, List<ChannelRefusal> refusals) implements DeliveryDecision {

        /** @throws IllegalArgumentException on a null field or refusal */
        public Skip {
            require(reason, "skip reason");
            refusals = copy(refusals, "refusals");
        }
    }

    private static void require(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    private static List<ChannelRefusal> copy(List<ChannelRefusal> refusals, String name) {
        require(refusals, name);
        // Indexed, not an iterator: decisions are built per customer, and the lists hold a handful of entries.
        for (int i = 0; i < refusals.size(); i++) {
            if (refusals.get(i) == null) {
                throw new IllegalArgumentException(name + " must not contain null");
            }
        }
        // Returns the list itself when it is already immutable, as the policy's are.
        return List.copyOf(refusals);
    }
}
