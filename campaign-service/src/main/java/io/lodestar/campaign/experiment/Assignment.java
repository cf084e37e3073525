package io.lodestar.campaign.experiment;

/**
 * The arm of an experiment a customer falls into for one campaign. It is a value (not an enum) because variant names
 * are chosen per campaign; the two fixed groups have reserved names that {@link ExperimentDesign#validate()} keeps
 * variants from using, so {@code group} alone is unambiguous.
 *
 * @param group a variant name, {@value #CONTROL} or {@value #HOLDOUT}
 */
public record Assignment(String group) {

    /** Customers of this campaign kept unmessaged to measure the campaign's own lift. */
    public static final String CONTROL = "control";

    /** Customers kept out of every campaign, to measure the lift of marketing as a whole. */
    public static final String HOLDOUT = "holdout";

    public Assignment {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("group must not be blank");
        }
    }

    static Assignment holdout() {
        return new Assignment(HOLDOUT);
    }

    static Assignment control() {
        return new Assignment(CONTROL);
    }

    static Assignment variant(String name) {
        return new Assignment(name);
    }

    /** True for the global holdout. */
    public boolean isHoldout() {
        return HOLDOUT.equals(group);
    }

    /** True for the campaign's control group. */
    public boolean isControl() {
        return CONTROL.equals(group);
    }

    /** Only variant members are sent the campaign; control and holdout exist precisely to receive nothing. */
    public boolean receivesMessage() {
        return !isHoldout() && !isControl();
    }
}
