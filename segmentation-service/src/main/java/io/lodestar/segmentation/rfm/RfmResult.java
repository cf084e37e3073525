package io.lodestar.segmentation.rfm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of scoring a population under one model.
 *
 * @param scored     one entry per customer with a paid order in the window, in input order
 * @param unscored   the customers left out, in input order (never paid, or nothing paid in the window)
 * @param distribution scored customers per class or segment
 * @param levelCuts  the High/Low cuts used; present for the threshold scheme when at least one customer was scored
 */
public record RfmResult(List<ScoredCustomer> scored, List<UnscoredCustomer> unscored, RfmDistribution distribution,
        Optional<AppliedLevelCuts> levelCuts) {

    public RfmResult {
        scored = List.copyOf(scored);
        unscored = List.copyOf(unscored);
        Objects.requireNonNull(distribution, "distribution");
        if (distribution.scored() != scored.size()) {
            throw new IllegalArgumentException("distribution counts " + distribution.scored() + " customers, not "
                    + scored.size());
        }
        Objects.requireNonNull(levelCuts, "levelCuts");
    }
}
