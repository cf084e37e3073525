package io.lodestar.customerprofile.bulkimport;

/** The cleaning rules an import applies, each with what it does to the rows it concerns. */
public enum CleaningStep {
    /** A row identical in every mapped value to an earlier one is dropped; the first is kept. */
    EXACT_DUPLICATE(Action.DROPPED),
    /** A customer without age or birth date gets the import's median age. */
    MEDIAN_AGE(Action.IMPUTED),
    /** An order line priced 0 is kept and flagged. */
    ZERO_PRICE(Action.FLAGGED),
    /** A customer whose net spend is beyond the outlier rule's fences is flagged, not deleted. */
    SPEND_OUTLIER(Action.FLAGGED);

    /** What happens to a row or customer a step concerns. */
    public enum Action {
        DROPPED, IMPUTED, FLAGGED
    }

    private final Action action;

    CleaningStep(Action action) {
        this.action = action;
    }

    public Action action() {
        return action;
    }
}
