package io.lodestar.campaign.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How one campaign splits its audience. The three layers are applied in order, each to what the previous left:
 * {@code globalHoldoutPercent} of all customers (the same customers for every campaign sharing {@code holdoutSalt}),
 * then {@code controlPercent} of the remaining customers for this campaign, then the variants by weight among the
 * customers that are messaged.
 *
 * <p>With holdout 10, control 20 and variants A 50 / B 50, the overall shares are therefore holdout 10%, control
 * 18% (20% of 90%), A 36% and B 36%. Percentages are relative to their layer so that changing the holdout does not
 * silently change the control share inside each campaign.
 *
 * <p>The record accepts any values so that a form can be bound first and checked afterwards; {@link #validate()}
 * lists everything wrong at once, and {@link VariantAssigner} refuses a design that has violations.
 *
 * @param variants             treatment arms with weights summing to 100, in display order
 * @param controlPercent       share of non-held-out customers kept as this campaign's control, 0 to 50
 * @param globalHoldoutPercent share of all customers kept out of every campaign, 0 to 20
 * @param holdoutSalt          organisation-wide constant (not a secret) that fixes who is held out; changing it
 *                             reshuffles the global holdout, so it is set once
 */
public record ExperimentDesign(List<VariantWeight> variants, int controlPercent, int globalHoldoutPercent,
        String holdoutSalt) {

    /** Control above half the audience would leave too few customers messaged to learn anything. */
    public static final int MAX_CONTROL_PERCENT = 50;

    /** A global holdout costs revenue on every campaign; 20% is the most the business accepts. */
    public static final int MAX_HOLDOUT_PERCENT = 20;

    public ExperimentDesign {
        // A copy that tolerates null elements, so that validate() can report them instead of the constructor failing.
        variants = variants == null ? null : Collections.unmodifiableList(new ArrayList<>(variants));
    }

    /**
     * Every problem with this design, or an empty list when it can be used. Names are compared case-insensitively,
     * because "B" and "b" side by side in a report would be read as the same arm.
     */
    public List<Violation> validate() {
        List<Violation> violations = new ArrayList<>();
        validateVariants(violations);
        if (controlPercent < 0 || controlPercent > MAX_CONTROL_PERCENT) {
            violations.add(new Violation("controlPercent",
                    "must be between 0 and " + MAX_CONTROL_PERCENT + " but was " + controlPercent));
        }
        if (globalHoldoutPercent < 0 || globalHoldoutPercent > MAX_HOLDOUT_PERCENT) {
            violations.add(new Violation("globalHoldoutPercent",
                    "must be between 0 and " + MAX_HOLDOUT_PERCENT + " but was " + globalHoldoutPercent));
        }
        // Required even with no holdout: the salt is an organisation-wide constant, and a design without it could not
        // later switch a holdout on consistently with the other campaigns.
        if (holdoutSalt == null || holdoutSalt.isBlank()) {
            violations.add(new Violation("holdoutSalt", "must not be blank"));
        }
        return List.copyOf(violations);
    }

    private void validateVariants(List<Violation> violations) {
        if (variants == null || variants.isEmpty()) {
            violations.add(new Violation("variants", "must contain at least one variant"));
            return;
        }
        Set<String> seen = new HashSet<>();
        int sum = 0;
        for (int i = 0; i < variants.size(); i++) {
            VariantWeight variant = variants.get(i);
            String field = "variants[" + i + "]";
            if (variant == null) {
                violations.add(new Violation(field, "must not be null"));
                continue;
            }
            String name = variant.name();
            if (name == null || name.isBlank()) {
                violations.add(new Violation(field + ".name", "must not be blank"));
            } else {
                String key = name.strip().toLowerCase(Locale.ROOT);
                if (key.equals(Assignment.CONTROL) || key.equals(Assignment.HOLDOUT)) {
                    violations.add(new Violation(field + ".name", "'" + name + "' is reserved"));
                } else if (!seen.add(key)) {
                    violations.add(new Violation(field + ".name", "duplicate variant name '" + name + "'"));
                }
            }
            if (variant.percent() < 1 || variant.percent() > 100) {
                violations.add(new Violation(field + ".percent",
                        "must be between 1 and 100 but was " + variant.percent()));
            }
            sum += variant.percent();
        }
        if (sum != 100) {
            violations.add(new Violation("variants", "weights must sum to 100 but sum to " + sum));
        }
    }
}
