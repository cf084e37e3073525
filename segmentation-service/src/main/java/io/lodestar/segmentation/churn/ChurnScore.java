package io.lodestar.segmentation.churn;

import java.util.Locale;
import java.util.Objects;

/**
 * The churn estimate of one customer as of the scoring instant.
 *
 * @param probability probability of no paid order in the model's horizon after the scoring instant
 * @param level       the risk band of that probability
 * @param reason      the text a membership event carries, e.g. "churn probability 0.82 within 90 days (high from 0.60)"
 */
public record ChurnScore(String customerId, double probability, ChurnRiskLevel level, String reason) {

    public ChurnScore {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(reason, "reason");
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
        }
    }

    static ChurnScore of(String customerId, double probability, int horizonDays, ChurnRiskPolicy policy) {
        ChurnRiskLevel level = policy.level(probability);
        String band = level == ChurnRiskLevel.LOW
                ? String.format(Locale.ROOT, "low below %.2f", policy.mediumFrom())
                : String.format(Locale.ROOT, "%s from %.2f", level.wireName(), policy.lowerCut(level));
        String reason = String.format(Locale.ROOT, "churn probability %.2f within %d days (%s)", probability, horizonDays,
                band);
        return new ChurnScore(customerId, probability, level, reason);
    }
}
