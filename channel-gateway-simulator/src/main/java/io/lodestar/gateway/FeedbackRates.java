package io.lodestar.gateway;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.lodestar.contracts.MessageChannel;
import io.lodestar.contracts.WireNames;

/**
 * The funnel rates of every {@link MessageChannel}. The defaults are <em>illustrative</em>: orders of magnitude in
 * line with what e-commerce teams commonly quote (SMS is almost always delivered but rarely acted on, push is often
 * muted, one-to-one WeCom chats and community groups engage far more), picked so that demos and tests show
 * recognisable funnels. They are not measurements and not a benchmark; tune them per deployment through
 * {@link #withOverrides(Function)}.
 *
 * @param byChannel rates for every channel (all seven must be present)
 */
public record FeedbackRates(Map<MessageChannel, ChannelRates> byChannel) {

    /** Prefix of the override keys: {@code lodestar.gateway.rates.<channel>.<rate>}. */
    public static final String KEY_PREFIX = "lodestar.gateway.rates.";

    public FeedbackRates {
        Objects.requireNonNull(byChannel, "byChannel");
        for (MessageChannel channel : MessageChannel.values()) {
            if (byChannel.get(channel) == null) {
                throw new IllegalArgumentException("rates for channel " + WireNames.of(channel) + " are missing");
            }
        }
        byChannel = Map.copyOf(byChannel);
    }

    /** The illustrative defaults (see the type's Javadoc and the module README). */
    public static FeedbackRates defaults() {
        Map<MessageChannel, ChannelRates> rates = new EnumMap<>(MessageChannel.class);
        // Carriers deliver almost everything; "opened" is a tap on the short link, unsubscribes are replies like "TD".
        rates.put(MessageChannel.SMS, new ChannelRates(0.97, 0.20, 0.25, 0.010));
        // Stale device tokens bounce one push in ten, and most pushes are swiped away unread.
        rates.put(MessageChannel.APP_PUSH, new ChannelRates(0.90, 0.08, 0.25, 0.002));
        // Hard and soft bounces around 5 %, opens around a fifth, clicks on about one open in seven.
        rates.put(MessageChannel.EMAIL, new ChannelRates(0.95, 0.20, 0.15, 0.003));
        // Subscription messages reach only customers who opted in, so they are delivered and read more often.
        rates.put(MessageChannel.MINI_PROGRAM, new ChannelRates(0.98, 0.25, 0.30, 0.002));
        // One-to-one chats with a sales advisor: the highest engagement of all channels.
        rates.put(MessageChannel.WECOM, new ChannelRates(0.99, 0.55, 0.30, 0.004));
        // Group posts are seen by many members, clicked by fewer, and some leave the group.
        rates.put(MessageChannel.COMMUNITY, new ChannelRates(0.99, 0.40, 0.20, 0.006));
        // Live-stream invites: "opened" is the invite seen, "clicked" is joining the stream.
        rates.put(MessageChannel.LIVE_STREAM, new ChannelRates(0.96, 0.30, 0.35, 0.003));
        return new FeedbackRates(rates);
    }

    /** The rates of one channel. */
    public ChannelRates of(MessageChannel channel) {
        return byChannel.get(channel);
    }

    /**
     * These rates with every override that {@code lookup} returns: keys {@code lodestar.gateway.rates.<channel>.delivered},
     * {@code .open}, {@code .click} and {@code .unsubscribe}, where {@code <channel>} is the wire name
     * ({@code app_push}, {@code email}, …). {@code lookup} returns null for an absent key.
     *
     * @throws IllegalArgumentException naming the key, if a value is not a number or not in [0, 1]
     */
    public FeedbackRates withOverrides(Function<String, String> lookup) {
        Map<MessageChannel, ChannelRates> rates = new EnumMap<>(byChannel);
        for (MessageChannel channel : MessageChannel.values()) {
            String base = KEY_PREFIX + WireNames.of(channel) + ".";
            ChannelRates r = rates.get(channel);
            r = override(lookup, base + "delivered", r, r::withDelivered);
            r = override(lookup, base + "open", r, r::withOpen);
            r = override(lookup, base + "click", r, r::withClick);
            r = override(lookup, base + "unsubscribe", r, r::withUnsubscribe);
            rates.put(channel, r);
        }
        return new FeedbackRates(rates);
    }

    private static ChannelRates override(Function<String, String> lookup, String key, ChannelRates current,
            Function<Double, ChannelRates> with) {
        String raw = lookup.apply(key);
        if (raw == null || raw.isBlank()) {
            return current;
        }
        try {
            return with.apply(Double.parseDouble(raw.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a number: '" + raw + "'", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
