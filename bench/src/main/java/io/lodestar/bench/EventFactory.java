package io.lodestar.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.EventEnvelope;
import io.lodestar.contracts.EventType;
import io.lodestar.contracts.behaviour.BehaviourRecorded;
import io.lodestar.contracts.behaviour.BehaviourType;

/**
 * Behaviour events as {@code POST /events} takes them (customer-profile-service {@code RecordEventRequest}):
 * eventId, customerId, type, channel, itemId and category for the behaviours about one item, occurredAt; and
 * {@code behaviour.recorded} envelopes as they travel on {@code lodestar.customer-events.v1} ({@link #envelope}), for
 * the consumers' benchmarks, with a wider mix of behaviours, channels and anonymous visitors.
 */
final class EventFactory {

    /** Customer ids of the driver: {@code bench-c0}, {@code bench-c1}, ... (the seed creates the first ones). */
    static String customerId(int n) {
        return "bench-c" + n;
    }

    /** Wire names and weights (of 100) of the behaviours sent. */
    private static final String[] TYPES = {"page_view", "product_view", "click", "add_to_cart", "favorite"};
    private static final int[] TYPE_WEIGHTS = {35, 30, 15, 10, 10};
    /** The behaviours that are about one item ({@code BehaviourType.requiresItem()}): itemId and category. */
    private static final boolean[] ABOUT_ITEM = {false, true, false, true, true};

    private static final String[] CHANNELS = {"app", "mini_program", "web"};
    private static final int[] CHANNEL_WEIGHTS = {50, 35, 15};

    static final String[] CATEGORIES = {"apparel", "beauty", "electronics", "home", "food", "baby", "sports",
            "books", "toys", "pets", "jewelry", "outdoor"};

    /** The behaviours and channels of the Kafka envelopes, with weights of 100: every funnel step occurs. */
    private static final BehaviourType[] STREAM_TYPES = {BehaviourType.PAGE_VIEW, BehaviourType.PRODUCT_VIEW,
            BehaviourType.CLICK, BehaviourType.SEARCH, BehaviourType.ADD_TO_CART, BehaviourType.FAVORITE,
            BehaviourType.REMOVE_FROM_CART, BehaviourType.CHECKOUT, BehaviourType.RECOMMENDATION_IMPRESSION,
            BehaviourType.RECOMMENDATION_CLICK, BehaviourType.SHARE};
    private static final int[] STREAM_TYPE_WEIGHTS = {28, 24, 12, 6, 8, 4, 3, 3, 7, 3, 2};
    private static final Channel[] STREAM_CHANNELS = {Channel.APP, Channel.MINI_PROGRAM, Channel.H5, Channel.WEB,
            Channel.LIVE_STREAM, Channel.COMMUNITY};
    private static final int[] STREAM_CHANNEL_WEIGHTS = {40, 28, 10, 12, 6, 4};
    private static final String[] SEARCHES = {"sunscreen", "umbrella", "stroller", "formula", "headphones", "sneakers",
            "tea", "lipstick"};

    private static final JsonFactory FACTORY = new JsonFactory();

    private final int customers;
    private final int items;

    EventFactory(int customers, int items) {
        this.customers = customers;
        this.items = items;
    }

    /** {@code {"events":[...]}} with {@code size} events of random customers of the pool, happening now. */
    byte[] batch(int size, Random random, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size * 220 + 16);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("events");
            String at = now.toString();
            for (int i = 0; i < size; i++) {
                write(g, randomUuid(random), customerId(random.nextInt(customers)), random, at);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One event object, as it appears inside a batch. */
    byte[] single(Random random, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, randomUuid(random), customerId(random.nextInt(customers)), random, now.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    void write(JsonGenerator g, UUID eventId, String customerId, Random random, String occurredAt)
            throws IOException {
        int type = pick(TYPE_WEIGHTS, random);
        g.writeStartObject();
        g.writeStringField("eventId", eventId.toString());
        g.writeStringField("customerId", customerId);
        g.writeStringField("type", TYPES[type]);
        g.writeStringField("channel", CHANNELS[pick(CHANNEL_WEIGHTS, random)]);
        if (ABOUT_ITEM[type]) {
            int item = random.nextInt(items);
            g.writeStringField("itemId", "sku" + item);
            g.writeStringField("category", categoryOf(item));
        }
        g.writeStringField("occurredAt", occurredAt);
        g.writeEndObject();
    }

    /**
     * One {@code behaviour.recorded} envelope from customer-profile-service, happening at {@code occurredAt}:
     * {@code anonymousPercent} of them from anonymous visitors {@code bench-v<N>} (as many visitors as customers),
     * the rest from customers {@code bench-c<N>} with a skewed activity (customer n is picked with a density
     * falling like 1/sqrt(n), so a few customers are very active). Item behaviours, clicks and checkouts carry an
     * item and its category; a session id groups a visitor's events of one hour.
     */
    EventEnvelope<BehaviourRecorded> envelope(Random random, Instant occurredAt, int anonymousPercent) {
        boolean anonymous = random.nextInt(100) < anonymousPercent;
        double u = random.nextDouble();
        int n = (int) (customers * u * u);
        String visitor = anonymous ? "bench-v" + n : customerId(n);
        BehaviourType type = STREAM_TYPES[pick(STREAM_TYPE_WEIGHTS, random)];
        Channel channel = STREAM_CHANNELS[pick(STREAM_CHANNEL_WEIGHTS, random)];
        boolean aboutItem = type.requiresItem() || type == BehaviourType.CLICK || type == BehaviourType.CHECKOUT;
        int item = random.nextInt(items);
        BehaviourRecorded payload = new BehaviourRecorded(visitor, anonymous, type, channel,
                aboutItem ? "sku" + item : null, aboutItem ? categoryOf(item) : null,
                type == BehaviourType.SEARCH ? SEARCHES[random.nextInt(SEARCHES.length)] : null,
                visitor + "-" + occurredAt.getEpochSecond() / 3600, null, null, occurredAt, null);
        return EventEnvelope.of(randomUuid(random), occurredAt, EventType.BEHAVIOUR_RECORDED,
                "customer-profile-service", visitor, payload);
    }

    /** Each item belongs to one category, always the same. */
    static String categoryOf(int item) {
        return CATEGORIES[Math.floorMod(item * 31 + 7, CATEGORIES.length)];
    }

    private static int pick(int[] weights, Random random) {
        int r = random.nextInt(100);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A version-4 UUID from a fast random source (SecureRandom would be the driver's bottleneck). */
    static UUID randomUuid(Random random) {
        long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
