package io.lodestar.recommendation.serving;

import java.util.ArrayList;
import java.util.List;

import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.platform.problem.ResourceNotFoundException;
import io.lodestar.recommendation.catalogue.Catalogue;
import io.lodestar.recommendation.catalogue.ItemView;
import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.training.ActiveModels;
import io.lodestar.recommendation.training.ModelSet;
import io.lodestar.recommendation.training.ModelStore;
import io.lodestar.recommendation.training.ModelStore.RuleView;
import io.lodestar.recommendation.training.ModelStore.SequentialRuleView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.BiFunction;

/** Item-to-item answers of the active model version: similar items, items bought together, the rules themselves. */
@ApplicationScoped
public class ItemInsightService {

    private final ActiveModels models;
    private final Catalogue catalogue;
    private final ModelStore store;

    public ItemInsightService(ActiveModels models, Catalogue catalogue, ModelStore store) {
        this.models = models;
        this.catalogue = catalogue;
        this.store = store;
    }

    /** Item-CF neighbours of a known item (by similarity), or an empty list before the item has interactions. */
    public Uni<List<RelatedItemView>> similar(String itemId, int k) {
        return related(itemId, k, (set, index) -> set.itemCf() == null ? List.of() : set.itemCf().similar(index, k));
    }

    /** Consequents of association rules whose antecedent is the item, strongest first. */
    public Uni<List<RelatedItemView>> boughtTogether(String itemId, int k) {
        return related(itemId, k, (set, index) -> set.boughtTogether() == null ? List.of()
                : set.boughtTogether().boughtWith(index, k));
    }

    public Uni<List<RuleView>> rules(Double minSupport, Double minConfidence, Double minLift, int limit) {
        checkFraction("minSupport", minSupport);
        checkFraction("minConfidence", minConfidence);
        if (minLift != null && minLift < 0) {
            throw new InvalidInputException("minLift", "must not be negative, was " + minLift);
        }
        checkLimit(limit);
        return models.current().map(set -> store.rules(set.version(), orZero(minSupport), orZero(minConfidence),
                orZero(minLift), limit)).orElseGet(() -> Uni.createFrom().item(List.of()));
    }

    public Uni<List<SequentialRuleView>> sequentialRules(String itemId, int limit) {
        checkLimit(limit);
        return models.current().map(set -> store.sequences(set.version(), itemId, limit))
                .orElseGet(() -> Uni.createFrom().item(List.of()));
    }

    private Uni<List<RelatedItemView>> related(String itemId, int k,
                                               BiFunction<ModelSet, Integer, List<ScoredItem>> of) {
        if (k < 1 || k > 100) {
            throw new InvalidInputException("k", "must be 1 to 100, was " + k);
        }
        if (catalogue.find(itemId).isEmpty()) {
            throw new ResourceNotFoundException("no item " + itemId);
        }
        List<RelatedItemView> related = new ArrayList<>();
        models.current().ifPresent(set -> {
            int index = set.index(itemId);
            if (index >= 0) {
                for (ScoredItem item : of.apply(set, index)) {
                    ItemView view = catalogue.find(set.itemId(item.item())).orElse(null);
                    related.add(new RelatedItemView(set.itemId(item.item()), view == null ? null : view.title(),
                            view == null ? null : view.category(), Math.round(item.score() * 10_000) / 10_000.0));
                }
            }
        });
        return Uni.createFrom().item(related);
    }

    private static void checkFraction(String field, Double value) {
        if (value != null && (value < 0 || value > 1)) {
            throw new InvalidInputException(field, "must be between 0 and 1, was " + value);
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be 1 to 1000, was " + limit);
        }
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    /** An item related to another, with the model's score. */
    public record RelatedItemView(String itemId, String title, String category, double score) {
    }
}
