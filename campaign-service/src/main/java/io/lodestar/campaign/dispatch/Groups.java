package io.lodestar.campaign.dispatch;

import io.lodestar.campaign.campaign.CampaignDefinition;

/** Experiment groups as campaigns use them: who is messaged, and with which text. */
public final class Groups {

    /** Targeted but never messaged: the campaign's control group. */
    public static final String CONTROL = io.lodestar.campaign.experiment.Assignment.CONTROL;
    /** Never messaged by any campaign: the global holdout. */
    public static final String HOLDOUT = io.lodestar.campaign.experiment.Assignment.HOLDOUT;

    private Groups() {
    }

    public static boolean receivesMessage(String group) {
        return !CONTROL.equals(group) && !HOLDOUT.equals(group);
    }

    /** The text of a group: its variant's own template, else the campaign's. */
    public static String template(CampaignDefinition definition, String group) {
        for (CampaignDefinition.Variant variant : definition.variants()) {
            if (variant.name().equals(group) && variant.template() != null) {
                return variant.template();
            }
        }
        return definition.template();
    }
}
