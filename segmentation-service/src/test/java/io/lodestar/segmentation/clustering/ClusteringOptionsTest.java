package io.lodestar.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Settings a run cannot be made with are refused, naming the field. */
class ClusteringOptionsTest {

    private static final ClusteringOptions DEFAULTS = ClusteringOptions.defaults();

    private static void rejected(ThrowingCallable change, String field, String message) {
        assertThatThrownBy(change).isInstanceOfSatisfying(InvalidClusteringOptionsException.class,
                e -> assertThat(e.field()).isEqualTo(field)).hasMessageContaining(message);
    }

    @Test
    void theDefaultsAreTheMarketingPractice() {
        assertThat(DEFAULTS.minK()).isEqualTo(5);
        assertThat(DEFAULTS.maxK()).isEqualTo(8);
        assertThat(DEFAULTS.minClusterShare()).isEqualTo(0.02);
        assertThat(DEFAULTS.silhouetteSampleSize()).isEqualTo(3_000);
        assertThat(DEFAULTS.withFixedK(4).minK()).isEqualTo(4);
        assertThat(DEFAULTS.withFixedK(4).maxK()).isEqualTo(4);
    }

    @Test
    void kMustLieWithinTwoToTwentyAndMinNotAboveMax() {
        rejected(() -> DEFAULTS.withKRange(1, 8), "minK", "minK must be within 2..20, was 1");
        rejected(() -> DEFAULTS.withKRange(5, 21), "maxK", "maxK must be within 2..20, was 21");
        rejected(() -> DEFAULTS.withKRange(7, 6), "minK", "minK must not exceed maxK (6), was 7");
        assertThat(DEFAULTS.withKRange(2, 20).maxK()).isEqualTo(20);
    }

    @Test
    void otherSettingsAreChecked() {
        rejected(() -> DEFAULTS.withSilhouetteSampleSize(0), "silhouetteSampleSize", "must be at least 2");
        rejected(() -> DEFAULTS.withRestarts(0), "restarts", "restarts must be within 1..100, was 0");
        rejected(() -> DEFAULTS.withMinClusterShare(0.5), "minClusterShare", "within [0, 0.5)");
        rejected(() -> DEFAULTS.withMinClusterShare(-0.1), "minClusterShare", "within [0, 0.5)");
        rejected(() -> DEFAULTS.withMinClusterShare(Double.NaN), "minClusterShare", "within [0, 0.5)");
        rejected(() -> DEFAULTS.withPreferenceFeatures(-1, 0), "categoryFeatures", "within 0..50");
        rejected(() -> new ClusteringOptions(5, 8, 8, 0, 1e-4, 100, 0, 1, 0, 0, 3), "maxIterations", "at least 1");
        rejected(() -> new ClusteringOptions(5, 8, 8, 10, 0, 100, 0, 1, 0, 0, 3), "tolerance", "positive");
        rejected(() -> new ClusteringOptions(5, 8, 8, 10, 1e-4, 100, 0, 1, 0, 0, 0), "profileTopEntries", "within 1..20");
    }
}
