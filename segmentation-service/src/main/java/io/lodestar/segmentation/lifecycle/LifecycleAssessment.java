package io.lodestar.segmentation.lifecycle;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The lifecycle outcome for one customer as of an instant: its stage and the flags raised, each with the reason a
 * membership event carries ("no paid order for 97 days (threshold 90)").
 *
 * @param flags the raised flags and their reasons, in {@link LifecycleFlag} order; a flag that is not raised is absent
 */
public record LifecycleAssessment(String customerId, LifecycleStage stage, String stageReason,
        Map<LifecycleFlag, String> flags) {

    public LifecycleAssessment {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(stageReason, "stageReason");
        Objects.requireNonNull(flags, "flags");
        EnumMap<LifecycleFlag, String> copy = new EnumMap<>(LifecycleFlag.class);
        flags.forEach((flag, reason) -> copy.put(Objects.requireNonNull(flag, "flag"),
                Objects.requireNonNull(reason, () -> "reason of " + flag)));
        flags = Collections.unmodifiableMap(copy);
    }

    public boolean has(LifecycleFlag flag) {
        return flags.containsKey(flag);
    }

    /** The reason the flag is raised, or empty when it is not. */
    public Optional<String> reason(LifecycleFlag flag) {
        return Optional.ofNullable(flags.get(flag));
    }

    public boolean newCustomerChurnRisk() {
        return has(LifecycleFlag.NEW_CUSTOMER_CHURN_RISK);
    }

    public boolean highPotential() {
        return has(LifecycleFlag.HIGH_POTENTIAL);
    }
}
