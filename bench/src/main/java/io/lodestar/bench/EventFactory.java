package io.lodestar.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Behaviour events as {@code POST /events} takes them (customer-profile-service {@code RecordEventRequest}):
 * eventId, customerId, type, channel, itemId and category for the behaviours about one item, occurredAt.
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
