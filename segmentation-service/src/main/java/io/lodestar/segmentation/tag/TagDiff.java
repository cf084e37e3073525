package io.lodestar.segmentation.tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a run changes: for each customer, the tags that appear, change value or disappear between the stored tags and
 * the run's, and the transition counts per membership tag ({@code "important-develop -> important-value": 12}). Pure
 * logic, so the rule that only differences are written and published is tested on its own.
 */
public final class TagDiff {

    /** Stands for "no value" in transition keys: a customer who enters the first segment of a tag. */
    public static final String NONE = "(none)";

    private final List<TagChange> changes = new ArrayList<>();
    private final Map<String, Map<String, Integer>> transitions = new TreeMap<>();
    private final Map<String, Map<String, Integer>> distribution = new TreeMap<>();

    /**
     * Compares one customer's stored tags (name → value) with the run's; call once per customer of either side (a
     * customer the run no longer tags at all passes an empty {@code current}).
     */
    public void compare(String customerId, Map<String, String> stored, Map<String, Tag> current) {
        Objects.requireNonNull(customerId, "customerId");
        for (Map.Entry<String, Tag> entry : current.entrySet()) {
            String name = entry.getKey();
            Tag tag = entry.getValue();
            String before = stored.get(name);
            if (tag.membership().isPresent()) {
                distribution.computeIfAbsent(name, n -> new TreeMap<>()).merge(tag.value(), 1, Integer::sum);
                transitions.computeIfAbsent(name, n -> new TreeMap<>())
                        .merge((before == null ? NONE : before) + " -> " + tag.value(), 1, Integer::sum);
            }
            if (!tag.value().equals(before)) {
                changes.add(new TagChange(customerId, name, before, tag));
            }
        }
        for (Map.Entry<String, String> entry : stored.entrySet()) {
            if (!current.containsKey(entry.getKey())) {
                changes.add(new TagChange(customerId, entry.getKey(), entry.getValue(), null));
                if (Tag.Names.membershipKind(entry.getKey()).isPresent()) {
                    transitions.computeIfAbsent(entry.getKey(), n -> new TreeMap<>())
                            .merge(entry.getValue() + " -> " + NONE, 1, Integer::sum);
                }
            }
        }
    }

    public List<TagChange> changes() {
        return List.copyOf(changes);
    }

    /** Per membership tag, how many customers went from which value to which (unchanged ones included). */
    public Map<String, Map<String, Integer>> transitions() {
        return transitions;
    }

    /** Per membership tag, how many customers hold each value after the run. */
    public Map<String, Map<String, Integer>> distribution() {
        return distribution;
    }
}
