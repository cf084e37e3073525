package io.lodestar.segmentation.rfm;

import java.util.Objects;

/**
 * The RFM outcome for one customer: its values, scores and group, and the group's code for exports and tags.
 *
 * @param code {@code HLH}-style class code under the threshold scheme, {@code R5F4M4}-style cell code under the quintile
 *             scheme (the scores' {@link RfmScores#code() code} is available under both)
 */
public record ScoredCustomer(String customerId, RfmValues values, RfmScores scores, RfmGroup group, String code) {

    public ScoredCustomer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(code, "code");
    }
}
