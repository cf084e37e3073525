package io.lodestar.recommendation.training;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lodestar.recommendation.als.AlsModel;
import io.lodestar.recommendation.association.BoughtTogether;
import io.lodestar.recommendation.evaluation.LongTail;
import io.lodestar.recommendation.itemcf.ItemNeighbours;
import io.lodestar.recommendation.popularity.PopularityRanking;
import io.lodestar.recommendation.sequence.SequentialRecommender;

/**
 * One model version in memory: every model trained on one snapshot, sharing its item dictionary. Immutable; serving
 * reads whichever set {@link ActiveModels} holds at the start of a request, so a swap never mixes versions.
 *
 * @param rankings scope ({@link #GLOBAL}, {@link #CATEGORY}, {@link #SEGMENT}, {@link #REGION}, {@link #AGE_BAND})
 *                 → key (category, segment value, …; "" for global) → ranking
 * @param followUps what customers buy some days after an item (sequential rules)
 * @param timeOfDay when each category sells (hour-of-week lifts)
 */
public record ModelSet(long version, Instant trainedAt, List<String> itemIds, Map<String, Integer> indexOf,
                       ItemNeighbours itemCf, AlsModel als, BoughtTogether boughtTogether,
                       SequentialRecommender followUps, Map<String, Map<String, PopularityRanking>> rankings,
                       HourOfWeekLift timeOfDay, LongTail longTail) {

    private static final PopularityRanking NONE = PopularityRanking.of(new int[0], new float[0]);

    public static final String GLOBAL = "global";
    public static final String CATEGORY = "category";
    public static final String SEGMENT = "segment";
    public static final String REGION = "region";
    public static final String AGE_BAND = "age-band";

    public static ModelSet of(long version, Instant trainedAt, List<String> itemIds, ItemNeighbours itemCf,
                              AlsModel als, BoughtTogether boughtTogether, SequentialRecommender followUps,
                              Map<String, Map<String, PopularityRanking>> rankings, HourOfWeekLift timeOfDay) {
        Map<String, Integer> indexOf = new HashMap<>(itemIds.size() * 2);
        for (int i = 0; i < itemIds.size(); i++) {
            indexOf.put(itemIds.get(i), i);
        }
        return new ModelSet(version, trainedAt, List.copyOf(itemIds), Map.copyOf(indexOf), itemCf, als,
                boughtTogether, followUps, rankings, timeOfDay, longTail(itemIds.size(), rankings));
    }

    /** True for an item outside the head (the Pareto cut of the global popularity, as offline evaluation cuts it). */
    public boolean longTail(int item) {
        return longTail.isLongTail(item);
    }

    /** Each item's positive-interaction count is its global popularity score (customers with a positive weight). */
    private static LongTail longTail(int items, Map<String, Map<String, PopularityRanking>> rankings) {
        long[] counts = new long[items];
        PopularityRanking global = rankings.getOrDefault(GLOBAL, Map.of()).get("");
        for (int rank = 0; global != null && rank < global.size(); rank++) {
            counts[global.item(rank)] = Math.max(0, Math.round(global.score(rank)));
        }
        return LongTail.ofCounts(counts, LongTail.DEFAULT_HEAD_SHARE);
    }

    /** The item's index in this version's dictionary, or -1 if the version has not seen it. */
    public int index(String itemId) {
        Integer index = indexOf.get(itemId);
        return index == null ? -1 : index;
    }

    public String itemId(int index) {
        return itemIds.get(index);
    }

    /** The ranking of a scope and key; the empty ranking when there is none. */
    public PopularityRanking ranking(String scope, String key) {
        Map<String, PopularityRanking> byKey = rankings.get(scope);
        PopularityRanking ranking = byKey == null || key == null ? null : byKey.get(key);
        return ranking == null ? NONE : ranking;
    }
}
