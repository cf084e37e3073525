package io.lodestar.campaign.journey;

import java.util.Objects;

/**
 * A standard play offered to operators as a starting point: a ready journey with a stable key (for the API and the
 * console), a name and a description saying when to use it. See {@link JourneyTemplates}.
 *
 * @param key         stable identifier, lower_snake ({@code churn_risk_coupon})
 * @param name        short title for people
 * @param description what the journey does and for whom, in a sentence or two
 * @param definition  the journey itself; valid by construction (tested)
 */
public record JourneyTemplate(String key, String name, String description, JourneyDefinition definition) {

    public JourneyTemplate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(definition, "definition");
    }
}
