package io.lodestar.campaign.delivery;

import io.lodestar.contracts.MessageChannel;

/**
 * One channel the policy tried and refused, with the reason, so a decision explains its fallbacks ("sms refused
 * no_consent, sent by app_push") instead of just naming the winner.
 */
public record ChannelRefusal(MessageChannel channel, SkipReason reason) {

    private static final MessageChannel[] CHANNELS = MessageChannel.values();
    private static final SkipReason[] REASONS = SkipReason.values();
    /** Every possible refusal, made once: the policy refuses channels for thousands of customers a second. */
    private static final ChannelRefusal[][] CACHE = new ChannelRefusal[CHANNELS.length][REASONS.length];

    static {
        for (MessageChannel channel : CHANNELS) {
            for (SkipReason reason : REASONS) {
                if (reason != SkipReason.NO_CHANNEL) {
                    CACHE[channel.ordinal()][reason.ordinal()] = new ChannelRefusal(channel, reason);
                }
            }
        }
    }

    /** @throws IllegalArgumentException on a null field, or {@code NO_CHANNEL}, which describes no channel */
    public ChannelRefusal {
        if (channel == null) {
            throw new IllegalArgumentException("refused channel must not be null");
        }
        if (reason == null) {
            throw new IllegalArgumentException("refusal reason must not be null");
        }
        if (reason == SkipReason.NO_CHANNEL) {
            throw new IllegalArgumentException("no_channel is a decision reason, not a reason to refuse " + channel);
        }
    }

    /** The shared instance for this channel and reason (equal to a new one; no allocation). */
    public static ChannelRefusal of(MessageChannel channel, SkipReason reason) {
        if (channel == null || reason == null || reason == SkipReason.NO_CHANNEL) {
            return new ChannelRefusal(channel, reason); // throws the readable message
        }
        return CACHE[channel.ordinal()][reason.ordinal()];
    }
}
