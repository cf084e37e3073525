package io.lodestar.campaign.journey;

import java.util.Objects;

/**
 * One fault of a journey definition, found by {@link JourneyValidator}. Kept free of the platform's problem types so
 * that the journey package stays pure; the campaign validator turns each into a {@code Problem.Violation}.
 *
 * @param field   the JSON path of the faulty value as the operator wrote it, e.g. {@code journey.steps[2].next}
 * @param message what is wrong, in words an operator can act on
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
