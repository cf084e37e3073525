package io.lodestar.campaign.dispatch;

import java.util.Locale;

/** What became of a decided message (see {@code message.status}). */
public enum MessageStatus {
    /** Handed to the channel gateways through the outbox. */
    DISPATCHED,
    /** Outside the customer's send window: released when it opens. */
    HELD,
    /** Not sent: no consented channel, capped, or the offer's budget is spent; skip_reason says which. */
    SKIPPED,
    /** Held, then the customer withdrew consent or the campaign ended before release. */
    WITHDRAWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
