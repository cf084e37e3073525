package io.lodestar.campaign.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.lodestar.campaign.dispatch.MessageRepository;

/**
 * Last-touch attribution with one clear rule when several campaigns touched the customer: among the messages
 * dispatched before the order and within their campaign's attribution window, the most recently <em>clicked</em>
 * one wins (a click is the strongest sign the message moved the customer); if none was clicked, the most recently
 * dispatched one wins. Bounced messages never touched anyone and are not candidates.
 */
public final class AttributionRule {

    /** Which touch got the order, and by which rule. */
    public record Touch(MessageRepository.Sent message, String rule) {
    }

    public static final String LAST_CLICK = "last_click";
    public static final String LAST_DELIVERY = "last_delivery";

    private AttributionRule() {
    }

    /**
     * @param touches the customer's messages, any order; bounced ones already left out
     * @param window  the attribution window of each message's campaign
     */
    public static Optional<Touch> choose(List<MessageRepository.Sent> touches, Instant paidAt,
                                         Function<String, Duration> window) {
        MessageRepository.Sent lastClick = null;
        MessageRepository.Sent lastSent = null;
        for (MessageRepository.Sent touch : touches) {
            if (touch.dispatchedAt() == null || touch.dispatchedAt().isAfter(paidAt)
                    || touch.dispatchedAt().plus(window.apply(touch.campaignId())).isBefore(paidAt)) {
                continue;
            }
            if (lastSent == null || touch.dispatchedAt().isAfter(lastSent.dispatchedAt())) {
                lastSent = touch;
            }
            Instant clicked = touch.clickedAt();
            if (clicked != null && !clicked.isAfter(paidAt)
                    && (lastClick == null || clicked.isAfter(lastClick.clickedAt()))) {
                lastClick = touch;
            }
        }
        if (lastClick != null) {
            return Optional.of(new Touch(lastClick, LAST_CLICK));
        }
        return Optional.ofNullable(lastSent).map(sent -> new Touch(sent, LAST_DELIVERY));
    }
}
