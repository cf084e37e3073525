package io.lodestar.segmentation.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a customer stands in the buying lifecycle as of an instant. Exactly one stage applies to every customer, so a
 * stage change is one exit and one entry. Customers who never paid are {@link #PROSPECT}s rather than stage-less: a
 * membership table and a Redis tag then never need a null, and "became a customer" is the ordinary exit from
 * {@code prospect}.
 */
public enum LifecycleStage {
    /** No paid order yet (registered, browsing, or only unpaid orders). */
    @JsonProperty("prospect") PROSPECT("prospect"),
    /** First paid order within the last {@link LifecycleConfig#newWithinDays()} days. */
    @JsonProperty("new") NEW("new"),
    /** Ordered within the at-risk threshold and neither new nor just won back. */
    @JsonProperty("active") ACTIVE("active"),
    /** No paid order for at least {@link LifecycleConfig#atRiskAfterDays()} days (Glossary: 90). */
    @JsonProperty("at_risk") AT_RISK("at_risk"),
    /** No paid order for at least {@link LifecycleConfig#lapsedAfterDays()} days. */
    @JsonProperty("lapsed") LAPSED("lapsed"),
    /** Ordered again after having been at risk or lapsed, within {@link LifecycleConfig#wonBackWithinDays()} days of it. */
    @JsonProperty("won_back") WON_BACK("won_back");

    private final String wireName;

    LifecycleStage(String wireName) {
        this.wireName = wireName;
    }

    /** The name in events, tags and database columns ({@code at_risk}). */
    public String wireName() {
        return wireName;
    }
}
