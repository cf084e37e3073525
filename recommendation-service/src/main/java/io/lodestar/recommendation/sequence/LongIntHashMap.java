package io.lodestar.recommendation.sequence;

import java.util.Arrays;

/**
 * An open-addressing hash map from non-negative {@code long} keys to {@code int} values. Pair counting sees tens of
 * millions of (customer, pair) events; boxed {@code HashMap<Long, Integer>} entries would cost about 80 bytes each
 * and most of the time in allocation, these cost 12 bytes per slot. Not thread-safe.
 */
final class LongIntHashMap {

    private static final long EMPTY = -1;
    private static final double MAX_LOAD = 0.6;

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntHashMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) (expected / MAX_LOAD)) - 1) << 1;
        allocate(capacity);
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or {@code missing}. */
    int get(long key, int missing) {
        int slot = find(key);
        return keys[slot] == key ? values[slot] : missing;
    }

    /** Adds {@code delta} to the value of {@code key} (absent counts as 0). */
    void add(long key, int delta) {
        int slot = find(key);
        if (keys[slot] == key) {
            values[slot] += delta;
        } else {
            insert(slot, key, delta);
        }
    }

    /** Stores {@code value} unless the key is present; true if it was absent. */
    boolean putIfAbsent(long key, int value) {
        int slot = find(key);
        if (keys[slot] == key) {
            return false;
        }
        insert(slot, key, value);
        return true;
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(keys, EMPTY);
            size = 0;
        }
    }

    /** Calls {@code visitor} once per entry, in no particular order. */
    void forEach(EntryVisitor visitor) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != EMPTY) {
                visitor.visit(keys[slot], values[slot]);
            }
        }
    }

    @FunctionalInterface
    interface EntryVisitor {
        void visit(long key, int value);
    }

    private int find(long key) {
        if (key < 0) {
            throw new IllegalArgumentException("keys must be >= 0");
        }
        long mixed = key * 0x9E3779B97F4A7C15L;
        int slot = (int) (mixed ^ (mixed >>> 32)) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void insert(int slot, long key, int value) {
        keys[slot] = key;
        values[slot] = value;
        size++;
        if (size > keys.length * MAX_LOAD) {
            long[] oldKeys = keys;
            int[] oldValues = values;
            allocate(keys.length * 2);
            for (int k = 0; k < oldKeys.length; k++) {
                if (oldKeys[k] != EMPTY) {
                    int at = find(oldKeys[k]);
                    keys[at] = oldKeys[k];
                    values[at] = oldValues[k];
                    size++;
                }
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new int[capacity];
        mask = capacity - 1;
        size = 0;
    }
}
