package io.lodestar.recommendation.evaluation;

/**
 * Mean top-k accuracy over users with at least one relevant item (definitions in {@link RankingMetrics}).
 *
 * @param k         list length
 * @param users     users averaged over; all metrics are 0 when it is 0
 * @param precision mean precision@k
 * @param recall    mean recall@k
 * @param ndcg      mean NDCG@k
 * @param map       MAP@k
 * @param hitRate   share of users with at least one hit in the top k
 */
public record AccuracyAtK(int k, int users, double precision, double recall, double ndcg, double map,
        double hitRate) {
}
