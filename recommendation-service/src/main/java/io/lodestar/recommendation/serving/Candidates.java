package io.lodestar.recommendation.serving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.recommendation.model.ScoredItem;
import java.util.function.IntFunction;

/**
 * Blends the candidates of several sources into one score per item. Each source's scores are divided by its best
 * score (models score on different scales), weighted, and summed per item; the item keeps the model and reason of
 * the source that contributed most, which is what the response reports.
 */
final class Candidates {

    /** One blended candidate. */
    static final class Candidate {
        final String itemId;
        double score;
        private double bestContribution;
        String model;
        Reason reason;
        String reasonSubject;

        private Candidate(String itemId) {
            this.itemId = itemId;
        }
    }

    private final Map<String, Candidate> byItem = new HashMap<>();

    /** Adds a model's scored items; {@code anchorOf} names the history item behind each (or null). */
    void add(List<ScoredItem> items, double weight, String model, Reason reason,
             IntFunction<String> itemIdOf, IntFunction<String> anchorOf) {
        double best = items.stream().mapToDouble(ScoredItem::score).max().orElse(0);
        if (best <= 0) {
            return;
        }
        for (ScoredItem item : items) {
            if (item.score() <= 0) {
                continue;
            }
            add(itemIdOf.apply(item.item()), weight * item.score() / best, model, reason,
                    item.because() == ScoredItem.NO_ANCHOR ? null : anchorOf.apply(item.because()));
        }
    }

    /** Adds one item with an already normalised score in (0, 1]. */
    void add(String itemId, double contribution, String model, Reason reason, String reasonSubject) {
        Candidate candidate = byItem.computeIfAbsent(itemId, Candidate::new);
        candidate.score += contribution;
        if (contribution > candidate.bestContribution) {
            candidate.bestContribution = contribution;
            candidate.model = model;
            candidate.reason = reason;
            candidate.reasonSubject = reasonSubject;
        }
    }

    boolean isEmpty() {
        return byItem.isEmpty();
    }

    int size() {
        return byItem.size();
    }

    /** Best first; ties by item id, so equal inputs give equal responses. */
    List<Candidate> ranked() {
        List<Candidate> ranked = new ArrayList<>(byItem.values());
        ranked.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparing(c -> c.itemId));
        return ranked;
    }
}
