package io.lodestar.platform.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the one error body of every Lodestar service
 * ({@code Content-Type: application/problem+json}).
 *
 * @param type       a stable URI naming the kind of problem
 * @param title      a short human summary of that kind
 * @param status     the HTTP status code
 * @param detail     what went wrong this time, safe to show (never a Java class name or stack trace)
 * @param instance   the request path
 * @param violations for validation problems: which field is wrong and why
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input field; {@code field} is a dotted path such as {@code lines[0].quantity}. */
    public record Violation(String field, String message) {
    }

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }
}
