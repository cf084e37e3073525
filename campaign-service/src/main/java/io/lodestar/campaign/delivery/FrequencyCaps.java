package io.lodestar.campaign.delivery;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import io.lodestar.contracts.MessageChannel;

/**
 * How many marketing messages one customer may receive: per channel per calendar day and per ISO week (Monday to
 * Sunday), and over all channels together per day and per week, all counted in the customer's own time zone. The
 * limits protect the customer (and the brand) from fatigue, so they are checked before a message is scheduled, on the
 * local day it will actually be sent.
 *
 * <p><b>No cap is written as absence, never as a number</b>: a channel missing from a map, or an empty
 * {@code OptionalInt}, is unlimited. A present limit is the number of messages allowed, so {@code 0} keeps its plain
 * meaning, "none" (a channel switched off for marketing), and cannot be mistaken for "unlimited" by a config default.
 * Limits are never negative.
 *
 * @param channelPerDay     messages per channel per local day
 * @param channelPerWeek    messages per channel per ISO week
 * @param allChannelsPerDay messages over all channels together per local day
 * @param allChannelsPerWeek messages over all channels together per ISO week
 */
public record FrequencyCaps(Map<MessageChannel, Integer> channelPerDay, Map<MessageChannel, Integer> channelPerWeek,
                            OptionalInt allChannelsPerDay, OptionalInt allChannelsPerWeek) {

    private static final FrequencyCaps NONE =
            new FrequencyCaps(Map.of(), Map.of(), OptionalInt.empty(), OptionalInt.empty());

    /**
     * Validates the limits and keeps immutable {@link EnumMap} copies (array lookups on the hot path).
     *
     * @throws IllegalArgumentException on a null field, a null key or value, or a negative limit
     */
    public FrequencyCaps {
        channelPerDay = validCopy(channelPerDay, "channelPerDay");
        channelPerWeek = validCopy(channelPerWeek, "channelPerWeek");
        validLimit(allChannelsPerDay, "allChannelsPerDay");
        validLimit(allChannelsPerWeek, "allChannelsPerWeek");
    }

    /** No limits at all. */
    public static FrequencyCaps none() {
        return NONE;
    }

    /** A copy with {@code channel} limited to {@code limit} messages per local day. */
    public FrequencyCaps withChannelPerDay(MessageChannel channel, int limit) {
        return new FrequencyCaps(with(channelPerDay, channel, limit), channelPerWeek, allChannelsPerDay,
                allChannelsPerWeek);
    }

    /** A copy with {@code channel} limited to {@code limit} messages per ISO week. */
    public FrequencyCaps withChannelPerWeek(MessageChannel channel, int limit) {
        return new FrequencyCaps(channelPerDay, with(channelPerWeek, channel, limit), allChannelsPerDay,
                allChannelsPerWeek);
    }

    /** A copy with all channels together limited to {@code limit} messages per local day. */
    public FrequencyCaps withAllChannelsPerDay(int limit) {
        return new FrequencyCaps(channelPerDay, channelPerWeek, OptionalInt.of(limit), allChannelsPerWeek);
    }

    /** A copy with all channels together limited to {@code limit} messages per ISO week. */
    public FrequencyCaps withAllChannelsPerWeek(int limit) {
        return new FrequencyCaps(channelPerDay, channelPerWeek, allChannelsPerDay, OptionalInt.of(limit));
    }

    /**
     * Whether one more message on {@code channel} on local day {@code localDay} stays within the channel's day and
     * week limits and the all-channel day and week limits, given what was already sent.
     */
    public boolean allows(MessageChannel channel, LocalDate localDay, SentCounts counts) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(localDay, "localDay");
        Objects.requireNonNull(counts, "counts");
        long day = localDay.toEpochDay();
        // ISO weeks start on Monday (getValue() is 1 for Monday, 7 for Sunday).
        long monday = day - (localDay.getDayOfWeek().getValue() - 1);
        long sunday = monday + 6;
        // Each sum is computed only when its limit exists; the cheapest (a single day) first.
        Integer limit = channelPerDay.get(channel);
        if (limit != null && counts.count(channel, day, day) >= limit) {
            return false;
        }
        limit = channelPerWeek.get(channel);
        if (limit != null && counts.count(channel, monday, sunday) >= limit) {
            return false;
        }
        if (allChannelsPerDay.isPresent() && counts.total(day, day) >= allChannelsPerDay.getAsInt()) {
            return false;
        }
        return allChannelsPerWeek.isEmpty() || counts.total(monday, sunday) < allChannelsPerWeek.getAsInt();
    }

    private static Map<MessageChannel, Integer> validCopy(Map<MessageChannel, Integer> limits, String name) {
        if (limits == null) {
            throw new IllegalArgumentException(name + " must not be null (leave a channel out for no cap)");
        }
        EnumMap<MessageChannel, Integer> copy = new EnumMap<>(MessageChannel.class);
        for (Map.Entry<MessageChannel, Integer> entry : limits.entrySet()) {
            if (entry.getKey() == null) {
                throw new IllegalArgumentException(name + " must not contain a null channel");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException(name + " limit of " + entry.getKey()
                        + " must not be null (leave the channel out for no cap)");
            }
            if (entry.getValue() < 0) {
                throw new IllegalArgumentException(name + " limit of " + entry.getKey() + " must not be negative, was "
                        + entry.getValue());
            }
            copy.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    private static void validLimit(OptionalInt limit, String name) {
        if (limit == null) {
            throw new IllegalArgumentException(name + " must not be null (use OptionalInt.empty() for no cap)");
        }
        if (limit.isPresent() && limit.getAsInt() < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + limit.getAsInt());
        }
    }

    private static Map<MessageChannel, Integer> with(Map<MessageChannel, Integer> limits, MessageChannel channel,
                                                     int limit) {
        if (channel == null) {
            throw new IllegalArgumentException("capped channel must not be null");
        }
        EnumMap<MessageChannel, Integer> copy = new EnumMap<>(MessageChannel.class);
        copy.putAll(limits);
        copy.put(channel, limit);
        return copy;
    }
}
