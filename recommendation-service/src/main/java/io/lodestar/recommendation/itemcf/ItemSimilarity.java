package io.lodestar.recommendation.itemcf;

/**
 * How two items' customer sets are compared. Only positive weights count: a refund or a "not interested" says nothing
 * about which items resemble each other, only that this customer does not want one of them (the recommender subtracts
 * those at scoring time instead).
 */
public enum ItemSimilarity {

    /**
     * Cosine of the two items' weight vectors over customers: {@code Σ_c w_ci·w_cj / (‖w_i‖·‖w_j‖)}. Uses the
     * confidence weights, so a customer who bought an item ten times pulls harder than one who viewed it once.
     */
    COSINE {
        @Override
        double of(double dotProduct, int coCustomers, ItemStatistics first, ItemStatistics second) {
            double norms = first.norm() * second.norm();
            return norms == 0 ? 0 : dotProduct / norms;
        }
    },

    /**
     * Jaccard index of the two sets of customers with a positive weight: {@code |C_i ∩ C_j| / |C_i ∪ C_j|}. Ignores
     * the weights' sizes, which makes it robust when weights mix incomparable signals.
     */
    JACCARD {
        @Override
        double of(double dotProduct, int coCustomers, ItemStatistics first, ItemStatistics second) {
            int union = first.customers() + second.customers() - coCustomers;
            return union == 0 ? 0 : (double) coCustomers / union;
        }
    };

    /**
     * The similarity of two items from their co-occurrence sums.
     *
     * @param dotProduct  {@code Σ_c w_ci·w_cj} over customers with a positive weight on both
     * @param coCustomers how many customers have a positive weight on both
     */
    abstract double of(double dotProduct, int coCustomers, ItemStatistics first, ItemStatistics second);

    /** What the similarity needs to know about one item alone: its vector's norm and its customer count. */
    record ItemStatistics(double norm, int customers) {
    }
}
