package io.lodestar.campaign.delivery;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

import io.lodestar.contracts.MessageChannel;

/**
 * How many messages one customer was already sent, per channel and local day, for the short recent history the
 * {@link FrequencyCaps} look at (the dispatcher loads the last 7 days). Kept as a dense {@code int[]} of channel × day
 * so that a cap check is a few array reads, with no map lookups or boxing, at thousands of customers per second.
 *
 * <p>Days are the customer's local days, the same calendar the caps count in. Days outside the loaded range count 0,
 * so the range must cover the ISO week of every day asked about, up to today: the last 7 days do whenever the day
 * asked about is today or later. Immutable and thread-safe.
 */
public final class SentCounts {

    /** One row of the sent-messages query: {@code count} messages on {@code channel} on local day {@code localDay}. */
    public record Row(MessageChannel channel, LocalDate localDay, int count) {

        /** @throws IllegalArgumentException if a field is null or the count is negative */
        public Row {
            if (channel == null) {
                throw new IllegalArgumentException("sent-count channel must not be null");
            }
            if (localDay == null) {
                throw new IllegalArgumentException("sent-count local day must not be null");
            }
            if (count < 0) {
                throw new IllegalArgumentException("sent count must not be negative, was " + count);
            }
        }
    }

    /**
     * The widest range of days one instance holds. The caps need a week; the limit only stops a mistaken query
     * (a customer's whole history) from turning into a large array per customer.
     */
    public static final int MAX_SPAN_DAYS = 400;

    private static final MessageChannel[] CHANNELS = MessageChannel.values();
    private static final SentCounts NONE = new SentCounts(0L, 0, new int[0], new int[0]);

    /** Epoch day of index 0. */
    private final long firstDay;
    private final int span;
    /** {@code perChannel[channel.ordinal() * span + (day - firstDay)]}. */
    private final int[] perChannel;
    /** All channels together, per day: {@code total[day - firstDay]}. */
    private final int[] total;

    private SentCounts(long firstDay, int span, int[] perChannel, int[] total) {
        this.firstDay = firstDay;
        this.span = span;
        this.perChannel = perChannel;
        this.total = total;
    }

    /** A customer who was sent nothing. */
    public static SentCounts none() {
        return NONE;
    }

    /** Counts from query rows; rows for the same channel and day add up. */
    public static SentCounts of(Collection<Row> rows) {
        Objects.requireNonNull(rows, "rows");
        Builder builder = new Builder();
        for (Row row : rows) {
            if (row == null) {
                throw new IllegalArgumentException("sent-count rows must not contain null");
            }
            builder.add(row.channel(), row.localDay(), row.count());
        }
        return builder.build();
    }

    /** A builder that takes the query's columns directly, without a {@link Row} per result row. */
    public static Builder builder() {
        return new Builder();
    }

    /** Messages sent on {@code channel} on {@code localDay}. */
    public int count(MessageChannel channel, LocalDate localDay) {
        return count(channel, localDay.toEpochDay(), localDay.toEpochDay());
    }

    /** Messages sent on all channels together on {@code localDay}. */
    public int total(LocalDate localDay) {
        return total(localDay.toEpochDay(), localDay.toEpochDay());
    }

    /** Messages sent on {@code channel} from {@code firstDay} to {@code lastDay}, both included. */
    public int count(MessageChannel channel, LocalDate firstDay, LocalDate lastDay) {
        return count(channel, firstDay.toEpochDay(), lastDay.toEpochDay());
    }

    /** Messages sent on all channels together from {@code firstDay} to {@code lastDay}, both included. */
    public int total(LocalDate firstDay, LocalDate lastDay) {
        return total(firstDay.toEpochDay(), lastDay.toEpochDay());
    }

    /** Epoch-day form for the cap check, which computes week bounds without building LocalDates. */
    int count(MessageChannel channel, long fromEpochDay, long toEpochDay) {
        return sum(perChannel, channel.ordinal() * span, fromEpochDay, toEpochDay);
    }

    int total(long fromEpochDay, long toEpochDay) {
        return sum(total, 0, fromEpochDay, toEpochDay);
    }

    private int sum(int[] values, int base, long fromEpochDay, long toEpochDay) {
        long from = Math.max(fromEpochDay - firstDay, 0L);
        long to = Math.min(toEpochDay - firstDay, span - 1L);
        long sum = 0;
        for (long i = from; i <= to; i++) {
            sum += values[base + (int) i];
        }
        return (int) Math.min(sum, Integer.MAX_VALUE);
    }

    /** The non-zero counts, for logs and test failures. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SentCounts[");
        boolean first = true;
        for (MessageChannel channel : CHANNELS) {
            for (int day = 0; day < span; day++) {
                int value = perChannel[channel.ordinal() * span + day];
                if (value != 0) {
                    text.append(first ? "" : ", ").append(channel).append('@')
                            .append(LocalDate.ofEpochDay(firstDay + day)).append('=').append(value);
                    first = false;
                }
            }
        }
        return text.append(']').toString();
    }

    /** Collects (channel, day, count) rows; not thread-safe, one per customer load. */
    public static final class Builder {

        private int size;
        private int[] channels = new int[16];
        private long[] epochDays = new long[16];
        private int[] counts = new int[16];
        private long minDay = Long.MAX_VALUE;
        private long maxDay = Long.MIN_VALUE;

        private Builder() {
        }

        /**
         * Adds {@code count} messages on {@code channel} on {@code localDay}.
         *
         * @throws IllegalArgumentException on a null argument or a negative count
         */
        public Builder add(MessageChannel channel, LocalDate localDay, int count) {
            if (channel == null || localDay == null) {
                throw new IllegalArgumentException("sent-count channel and local day must not be null");
            }
            if (count < 0) {
                throw new IllegalArgumentException("sent count must not be negative, was " + count);
            }
            if (size == counts.length) {
                channels = Arrays.copyOf(channels, size * 2);
                epochDays = Arrays.copyOf(epochDays, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            long day = localDay.toEpochDay();
            channels[size] = channel.ordinal();
            epochDays[size] = day;
            counts[size] = count;
            size++;
            minDay = Math.min(minDay, day);
            maxDay = Math.max(maxDay, day);
            return this;
        }

        /** @throws IllegalArgumentException if the rows span more than {@link #MAX_SPAN_DAYS} days */
        public SentCounts build() {
            if (size == 0) {
                return NONE;
            }
            long spanDays = maxDay - minDay + 1;
            if (spanDays > MAX_SPAN_DAYS) {
                throw new IllegalArgumentException("sent counts span " + spanDays + " days ("
                        + LocalDate.ofEpochDay(minDay) + " to " + LocalDate.ofEpochDay(maxDay) + "); at most " + MAX_SPAN_DAYS
                        + " are kept, load only the recent days the caps need");
            }
            int span = (int) spanDays;
            int[] perChannel = new int[CHANNELS.length * span];
            int[] total = new int[span];
            for (int i = 0; i < size; i++) {
                int day = (int) (epochDays[i] - minDay);
                perChannel[channels[i] * span + day] = Math.addExact(perChannel[channels[i] * span + day], counts[i]);
                total[day] = Math.addExact(total[day], counts[i]);
            }
            return new SentCounts(minDay, span, perChannel, total);
        }
    }
}
