package io.lodestar.contracts.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Defensive copies for the collections inside event records. Not API: used by the records' constructors.
 *
 * <p>Null elements are rejected with the element's path as the message ({@code "lines[2]"}) so that
 * {@link io.lodestar.contracts.EventCodec} can name the offending field.
 */
public final class Copies {

    private Copies() {
    }

    /** Unmodifiable copy of a required list; {@code null} is rejected. */
    public static <T> List<T> requiredList(List<T> list, String name) {
        return copy(Objects.requireNonNull(list, name), name);
    }

    /** Unmodifiable copy of an optional list; {@code null} becomes the empty list. */
    public static <T> List<T> optionalList(List<T> list, String name) {
        return list == null ? List.of() : copy(list, name);
    }

    /**
     * Unmodifiable copy of an optional map; {@code null} becomes the empty map. Keeps insertion order and
     * null values (open attributes may hold JSON null), which {@link Map#copyOf} would not.
     */
    public static <K, V> Map<K, V> optionalMap(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static <T> List<T> copy(List<T> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new NullPointerException(name + "[" + i + "]");
            }
        }
        return List.copyOf(list);
    }
}
