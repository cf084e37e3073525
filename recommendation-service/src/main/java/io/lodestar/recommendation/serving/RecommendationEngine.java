package io.lodestar.recommendation.serving;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lodestar.recommendation.catalogue.Durability;
import io.lodestar.recommendation.catalogue.ItemView;
import io.lodestar.recommendation.model.ScoredItem;
import io.lodestar.recommendation.model.UserHistory;
import io.lodestar.recommendation.popularity.PopularityRanking;
import io.lodestar.recommendation.training.HourOfWeekLift;
import io.lodestar.recommendation.training.ModelSet;
import java.util.Comparator;

/**
 * Scores and filters one request, in memory and without I/O: the candidate sources of the scene (blended by
 * {@link Candidates}), then the serving rules — drop out-of-stock, hidden and "not interested" items, drop bought
 * durables but keep consumables that are due again, boost the long tail and the categories that sell at this hour
 * of the week, and cap each category's share for diversity. Pure, so every rule has a unit test.
 */
public final class RecommendationEngine {

    /** Candidates read from each model, more than k so that the rules have something to drop. */
    private static final int POOL = 200;
    /** Weights of the sources: complements of a first purchase come first (lifecycle awareness). */
    private static final double TASTE = 1.0;
    private static final double FIRST_PURCHASE_COMPLEMENT = 2.0;
    private static final double BOUGHT_TOGETHER = 1.2;
    private static final double SIMILAR = 1.0;
    private static final double DUE_AGAIN = 0.9;
    private static final double FOLLOW_UP = 1.0;
    private static final double CONTENT = 0.6;
    private static final double POPULAR_FILL = 0.2;

    /** How serving looks up items. */
    public interface Items {
        ItemView find(String itemId);

        List<ItemView> inCategory(String category);
    }

    private final ServingPolicy policy;

    public RecommendationEngine(ServingPolicy policy) {
        this.policy = policy;
    }

    /**
     * Up to {@code k} items for the customer in the scene ({@code anchorItemId}: the product page's item, or an item
     * just added to the cart). {@code models} may be null before the first training: popularity is then empty and
     * only content similarity and repurchase reminders can answer.
     */
    public List<RecommendedItem> recommend(ModelSet models, Items items, CustomerState state, Scene scene,
                                           String anchorItemId, int k, Instant now) {
        return recommend(models, items, state, scene, anchorItemId, k, now, List.of());
    }

    /**
     * The same, with the items trending right now (strongest first), which fill home and message lists after the
     * customer's segment and before overall popularity.
     */
    public List<RecommendedItem> recommend(ModelSet models, Items items, CustomerState state, Scene scene,
                                           String anchorItemId, int k, Instant now, List<String> trending) {
        Candidates candidates = new Candidates();
        Set<String> exclude = new HashSet<>();
        switch (scene) {
            case PRODUCT:
                exclude.add(anchorItemId);
                anchored(models, items, List.of(anchorItemId), candidates);
                personal(models, state, candidates, 0.3);
                break;
            case CART:
                List<String> cart = new ArrayList<>(state.cart());
                if (anchorItemId != null && !cart.contains(anchorItemId)) {
                    cart.add(0, anchorItemId);
                }
                exclude.addAll(cart);
                anchored(models, items, cart, candidates);
                popularInCategories(models, items, cart, candidates);
                break;
            default:
                personal(models, state, candidates, TASTE);
                firstPurchaseComplements(models, state, candidates);
                followUps(models, state, candidates);
                dueAgain(items, state, now, candidates);
                break;
        }
        // Without personal candidates, the popular sources answer at full weight; otherwise they only fill.
        double fill = candidates.isEmpty() ? 1.0 : POPULAR_FILL;
        if (scene == Scene.HOME || scene == Scene.MESSAGE) {
            trending(trending, candidates, 0.9 * fill);
        }
        popular(models, state, candidates, fill);
        return applyRules(models, items, state, candidates, exclude, k, now);
    }

    /** ALS and item-CF on the customer's history. */
    private void personal(ModelSet models, CustomerState state, Candidates candidates, double weight) {
        if (models == null || state.cold()) {
            return;
        }
        UserHistory history = state.history();
        if (models.als() != null) {
            candidates.add(models.als().recommend(history, POOL), weight, "als", Reason.YOUR_TASTE,
                    models::itemId, models::itemId);
        }
        if (models.itemCf() != null) {
            candidates.add(models.itemCf().recommend(history, POOL), weight, "item-cf", Reason.SIMILAR_TO,
                    models::itemId, models::itemId);
        }
    }

    /** Similar items and items bought together with the anchors; content similarity for items no model knows. */
    private void anchored(ModelSet models, Items items, List<String> anchors, Candidates candidates) {
        for (String anchor : anchors) {
            int index = models == null ? -1 : models.index(anchor);
            boolean known = false;
            if (index >= 0 && models.boughtTogether() != null) {
                List<ScoredItem> together = models.boughtTogether().boughtWith(index, POOL);
                known |= !together.isEmpty();
                candidates.add(together, BOUGHT_TOGETHER, "association", Reason.BOUGHT_TOGETHER, models::itemId,
                        i -> anchor);
            }
            if (index >= 0 && models.itemCf() != null) {
                List<ScoredItem> similar = models.itemCf().similar(index, POOL);
                known |= !similar.isEmpty();
                candidates.add(similar, SIMILAR, "item-cf", Reason.SIMILAR_TO, models::itemId, i -> anchor);
            }
            if (!known) {
                contentSimilar(items, anchor, candidates);
            }
        }
    }

    /**
     * A new item enters through its content: items of the same category, scored by sharing the brand and the price
     * band (within a factor of 1.5).
     */
    private static void contentSimilar(Items items, String anchorId, Candidates candidates) {
        ItemView anchor = items.find(anchorId);
        if (anchor == null) {
            return;
        }
        for (ItemView other : items.inCategory(anchor.category())) {
            if (other.itemId().equals(anchorId)) {
                continue;
            }
            double score = 0.5;
            if (anchor.brand() != null && anchor.brand().equals(other.brand())) {
                score += 0.3;
            }
            if (anchor.price() != null && other.price() != null && anchor.price().signum() > 0) {
                double ratio = other.price().doubleValue() / anchor.price().doubleValue();
                if (ratio >= 1 / 1.5 && ratio <= 1.5) {
                    score += 0.2;
                }
            }
            candidates.add(other.itemId(), CONTENT * score, "content", Reason.SAME_CATEGORY, anchorId);
        }
    }

    /** After a first purchase, complements of it come first: 40% of churn happens within 30 days of it. */
    private static void firstPurchaseComplements(ModelSet models, CustomerState state, Candidates candidates) {
        if (models == null || models.boughtTogether() == null || state.paidOrders() != 1) {
            return;
        }
        for (String bought : state.lastBought().keySet()) {
            int index = models.index(bought);
            if (index >= 0) {
                candidates.add(models.boughtTogether().boughtWith(index, POOL), FIRST_PURCHASE_COMPLEMENT,
                        "association", Reason.GOES_WITH_FIRST_PURCHASE, models::itemId, i -> bought);
            }
        }
    }

    /** What customers bought some days after what this customer bought (baby formula → stroller). */
    private static void followUps(ModelSet models, CustomerState state, Candidates candidates) {
        if (models == null || models.followUps() == null) {
            return;
        }
        for (String bought : state.lastBought().keySet()) {
            int index = models.index(bought);
            if (index >= 0) {
                candidates.add(models.followUps().followUps(index, POOL), FOLLOW_UP, "sequential",
                        Reason.BOUGHT_AFTER, models::itemId, i -> bought);
            }
        }
    }

    /** Consumables whose repurchase cycle has passed since the customer last bought them. */
    private void dueAgain(Items items, CustomerState state, Instant now, Candidates candidates) {
        state.lastBought().forEach((itemId, boughtAt) -> {
            ItemView item = items.find(itemId);
            if (item != null && due(item, boughtAt, now)) {
                candidates.add(itemId, DUE_AGAIN, "repurchase", Reason.DUE_AGAIN, itemId);
            }
        });
    }

    /** Trending items, weighted by rank (the first gets the full weight). */
    private static void trending(List<String> trending, Candidates candidates, double weight) {
        for (int rank = 0; rank < trending.size(); rank++) {
            candidates.add(trending.get(rank), weight * (trending.size() - rank) / trending.size(), "trending",
                    Reason.TRENDING, null);
        }
    }

    /** Popular in the segment, the region, the age band, and globally, in that order of weight. */
    private static void popular(ModelSet models, CustomerState state, Candidates candidates, double weight) {
        if (models == null) {
            return;
        }
        fill(models, models.ranking(ModelSet.SEGMENT, state.segment()), weight, Reason.POPULAR_IN_SEGMENT,
                candidates);
        fill(models, models.ranking(ModelSet.REGION, state.region()), weight * 0.8, Reason.POPULAR_IN_REGION,
                candidates);
        fill(models, models.ranking(ModelSet.AGE_BAND, state.ageBand()), weight * 0.7, Reason.POPULAR_IN_AGE_BAND,
                candidates);
        fill(models, models.ranking(ModelSet.GLOBAL, ""), weight * 0.5, Reason.POPULAR, candidates);
    }

    /** Popular in the categories of the anchors (the cart's fallback when no rule knows its items). */
    private static void popularInCategories(ModelSet models, Items items, List<String> anchors,
                                            Candidates candidates) {
        if (models == null) {
            return;
        }
        for (String anchor : anchors) {
            ItemView item = items.find(anchor);
            if (item != null && item.category() != null) {
                fill(models, models.ranking(ModelSet.CATEGORY, item.category()), 0.4, Reason.POPULAR_IN_CATEGORY,
                        item.category(), candidates);
            }
        }
    }

    private static void fill(ModelSet models, PopularityRanking ranking, double weight, Reason reason,
                             Candidates candidates) {
        fill(models, ranking, weight, reason, null, candidates);
    }

    private static void fill(ModelSet models, PopularityRanking ranking, double weight, Reason reason, String subject,
                             Candidates candidates) {
        int n = Math.min(POOL, ranking.size());
        if (n == 0 || ranking.score(0) <= 0) {
            return;
        }
        double best = ranking.score(0);
        for (int rank = 0; rank < n; rank++) {
            if (ranking.score(rank) > 0) {
                candidates.add(models.itemId(ranking.item(rank)), weight * ranking.score(rank) / best, "popularity",
                        reason, subject);
            }
        }
    }

    private List<RecommendedItem> applyRules(ModelSet models, Items items, CustomerState state, Candidates candidates,
                                             Set<String> exclude, int k, Instant now) {
        List<Candidates.Candidate> eligible = new ArrayList<>();
        int slot = HourOfWeekLift.slot(now, policy.timeZone());
        for (Candidates.Candidate candidate : candidates.ranked()) {
            ItemView item = items.find(candidate.itemId);
            if (item == null || !item.inStock() || item.hidden() || state.hidden().contains(candidate.itemId)
                    || exclude.contains(candidate.itemId)) {
                continue;
            }
            Instant bought = state.lastBought().get(candidate.itemId);
            if (bought != null && (item.durability() == Durability.DURABLE || !due(item, bought, now))) {
                continue;
            }
            if (models != null && policy.longTailBoost() > 1) {
                int index = models.index(candidate.itemId);
                if (index >= 0 && models.longTail(index)) {
                    candidate.score *= policy.longTailBoost();
                }
            }
            if (models != null) {
                candidate.score *= models.timeOfDay().boost(item.category(), slot);
            }
            eligible.add(candidate);
        }
        eligible.sort(Comparator.comparingDouble((Candidates.Candidate c) -> -c.score)
                .thenComparing(c -> c.itemId));
        return diversify(items, eligible, k);
    }

    /**
     * Greedy: best first, skipping an item whose category already holds its share of k; when too few categories
     * exist to fill k that way, the skipped items fill the rest in score order.
     */
    private List<RecommendedItem> diversify(Items items, List<Candidates.Candidate> eligible, int k) {
        int cap = Math.max(1, (int) Math.floor(policy.maxCategoryShare() * k));
        Map<String, Integer> perCategory = new HashMap<>();
        List<Candidates.Candidate> chosen = new ArrayList<>(k);
        List<Candidates.Candidate> skipped = new ArrayList<>();
        for (Candidates.Candidate candidate : eligible) {
            if (chosen.size() == k) {
                break;
            }
            String category = items.find(candidate.itemId).category();
            int used = category == null ? 0 : perCategory.getOrDefault(category, 0);
            if (category != null && used >= cap) {
                skipped.add(candidate);
                continue;
            }
            if (category != null) {
                perCategory.put(category, used + 1);
            }
            chosen.add(candidate);
        }
        for (int i = 0; i < skipped.size() && chosen.size() < k; i++) {
            chosen.add(skipped.get(i));
        }
        chosen.sort(Comparator.comparingDouble((Candidates.Candidate c) -> -c.score)
                .thenComparing(c -> c.itemId));
        List<RecommendedItem> result = new ArrayList<>(chosen.size());
        for (Candidates.Candidate c : chosen) {
            ItemView item = items.find(c.itemId);
            // A category reason names the category; every other reason names an item, by its title.
            boolean category = c.reason == Reason.POPULAR_IN_CATEGORY;
            String subject = category ? c.reasonSubject : titleOf(items, c.reasonSubject);
            result.add(new RecommendedItem(c.itemId, item.title(), item.category(), round(c.score), c.model,
                    c.reason, c.reason.text(subject), category ? null : c.reasonSubject));
        }
        return result;
    }

    private boolean due(ItemView item, Instant boughtAt, Instant now) {
        if (item.durability() == Durability.DURABLE) {
            return false;
        }
        int days = item.repurchaseDays() == null ? policy.defaultRepurchaseDays() : item.repurchaseDays();
        return !boughtAt.plus(Duration.ofDays(days)).isAfter(now);
    }

    private static String titleOf(Items items, String itemId) {
        if (itemId == null) {
            return null;
        }
        ItemView item = items.find(itemId);
        return item != null && item.title() != null ? item.title() : itemId;
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
