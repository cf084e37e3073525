package io.lodestar.campaign.experiment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides, without storing anything, which arm of a campaign's experiment a customer belongs to. Assignment is a pure
 * function of the ids and the design, so every instance of every service computes the same answer, a customer never
 * flips between arms on a retry, and nothing needs to be persisted before the first message is sent.
 *
 * <p>Three independent hashes ({@link StableHash}, MurmurHash3) drive the three layers described on
 * {@link ExperimentDesign}:
 * <ol>
 *   <li>holdout: {@code hash("holdout", salt, customerId)}. The campaign is deliberately absent, so one customer is
 *       held out of every campaign or of none; that is what makes the holdout measure marketing as a whole;</li>
 *   <li>control: {@code hash("control", campaignId, customerId)}, so each campaign draws its own control group and
 *       no customer is starved of every campaign by being "control" everywhere;</li>
 *   <li>variant: {@code hash("variant", campaignId, customerId)}, a separate hash so that the variant split is not
 *       correlated with the control cut-off (reusing the control bucket would give the control group's neighbours
 *       all to the first variant).</li>
 * </ol>
 * Each hash is reduced to a bucket in {@code [0, 100)}; a layer takes the buckets below its percentage. Raising a
 * percentage therefore only adds customers to that layer, it never moves existing members out.
 */
public final class VariantAssigner {

    private static final int BUCKETS = 100;

    /**
     * The arm of {@code customerId} in {@code campaignId}.
     *
     * @throws IllegalArgumentException when an id is blank or the design has violations (the message lists them)
     */
    public Assignment assign(String campaignId, String customerId, ExperimentDesign design) {
        requireNonBlank(campaignId, "campaignId");
        requireNonBlank(customerId, "customerId");
        if (design == null) {
            throw new IllegalArgumentException("design must not be null");
        }
        List<Violation> violations = design.validate();
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException("invalid experiment design: " + violations.stream()
                    .map(v -> v.field() + " " + v.message())
                    .collect(Collectors.joining("; ")));
        }

        if (bucket("holdout", design.holdoutSalt(), customerId) < design.globalHoldoutPercent()) {
            return Assignment.holdout();
        }
        if (bucket("control", campaignId, customerId) < design.controlPercent()) {
            return Assignment.control();
        }
        int variantBucket = bucket("variant", campaignId, customerId);
        int cumulative = 0;
        for (VariantWeight variant : design.variants()) {
            cumulative += variant.percent();
            if (variantBucket < cumulative) {
                return Assignment.variant(variant.name());
            }
        }
        // Unreachable: validate() guarantees the weights sum to 100, and the bucket is below 100.
        throw new IllegalStateException("variant weights do not cover bucket " + variantBucket);
    }

    private static int bucket(String layer, String scope, String customerId) {
        // Unsigned remainder: the hash is a full 64-bit value and a signed % would give negative buckets. The bias of
        // 2^64 mod 100 is about 5e-18 per bucket, far below anything measurable.
        return (int) Long.remainderUnsigned(StableHash.ofParts(layer, scope, customerId), BUCKETS);
    }

    private static void requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
