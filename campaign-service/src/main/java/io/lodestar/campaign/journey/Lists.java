package io.lodestar.campaign.journey;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Defensive copies for the collections inside journey records. A null element is refused with its path as the
 * message ({@code "steps[2]"}), which {@link io.lodestar.contracts.JsonFieldPath} turns into the field of a 400.
 * Empty and absent collections are left for {@link JourneyValidator} to judge, so that every fault of a definition
 * is reported at once with its path instead of the first one failing the parse.
 */
final class Lists {

    private Lists() {
    }

    /** Unmodifiable copy; {@code null} stays {@code null} (where absent means something, e.g. "campaign channels"). */
    static <T> List<T> copyOrNull(List<T> list, String name) {
        return list == null ? null : copy(list, name);
    }

    /** Unmodifiable copy; {@code null} becomes the empty list. */
    static <T> List<T> copyOrEmpty(List<T> list, String name) {
        return list == null ? List.of() : copy(list, name);
    }

    /** Unmodifiable copy in the enum's declaration order (so JSON is written the same every time). */
    static <E extends Enum<E>> Set<E> enumSet(Collection<E> values, Class<E> type, String name) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        if (values != null) {
            int i = 0;
            for (E value : values) {
                if (value == null) {
                    throw new NullPointerException(name + "[" + i + "]");
                }
                copy.add(value);
                i++;
            }
        }
        return Collections.unmodifiableSet(copy);
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
