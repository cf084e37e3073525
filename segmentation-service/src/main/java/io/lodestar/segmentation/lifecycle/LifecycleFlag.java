package io.lodestar.segmentation.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Lifecycle facts that hold independently of the stage; a customer has any number of them. */
public enum LifecycleFlag {
    /**
     * Exactly one paid order and at least {@link LifecycleConfig#newCustomerChurnRiskAfterDays()} days since it (Glossary:
     * 15), the trigger of the win-back journey. The flag stays on until a second order, however long ago the first was;
     * a journey that only wants recent first-time buyers combines it with the stage.
     */
    @JsonProperty("new_customer_churn_risk") NEW_CUSTOMER_CHURN_RISK("new_customer_churn_risk"),
    /** First order value in the top {@link LifecycleConfig#highPotentialTopPercent()} % of the population's first orders. */
    @JsonProperty("high_potential") HIGH_POTENTIAL("high_potential");

    private final String wireName;

    LifecycleFlag(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
