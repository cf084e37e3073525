package io.lodestar.contracts;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The wire names of the contract enums ({@code tier-1}, {@code mini_program}), as their {@code @JsonProperty}
 * declares them, for the places that are not JSON: database columns, query parameters, CSV cells.
 */
public final class WireNames {

    private static final Map<Class<?>, Map<String, Enum<?>>> BY_NAME = new ConcurrentHashMap<>();

    private WireNames() {
    }

    /** The wire name of a constant: its {@code @JsonProperty} value, else its Java name. */
    public static String of(Enum<?> constant) {
        try {
            JsonProperty property = constant.getDeclaringClass().getField(constant.name())
                    .getAnnotation(JsonProperty.class);
            return property == null ? constant.name() : property.value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The constant with this wire name, or empty. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        Enum<?> constant = BY_NAME.computeIfAbsent(type, t -> Arrays.stream(type.getEnumConstants())
                .collect(Collectors.toMap(WireNames::of, c -> c))).get(wireName);
        return Optional.ofNullable(type.cast(constant));
    }

    /** Every wire name of the type, in declaration order (for error messages). */
    public static List<String> all(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(WireNames::of).toList();
    }
}
