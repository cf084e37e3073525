package io.lodestar.campaign.experiment;

/**
 * One reason a design is unusable, in the same {@code (field, message)} shape as the RFC 9457 {@code violations}
 * array, so that a resource can return the list as a 400 without translating it.
 *
 * @param field   path of the offending value, e.g. {@code variants[1].name}
 * @param message what is wrong, written for the operator who filled in the form
 */
public record Violation(String field, String message) {
}
