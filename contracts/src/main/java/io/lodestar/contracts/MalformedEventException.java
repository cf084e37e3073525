package io.lodestar.contracts;

/**
 * An event that cannot be read or written: not JSON, an unknown type, or a missing or invalid field.
 *
 * <p>{@link #field()} is the JSON path of the offending field ({@code "payload.lines[0].quantity"},
 * {@code "type"}), or {@code ""} when the message as a whole is unusable, so that the dead-letter
 * record says exactly what to fix.
 */
public class MalformedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public MalformedEventException(String field, String message) {
        this(field, message, null);
    }

    public MalformedEventException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field == null ? "" : field;
    }

    /** JSON path of the offending field, or {@code ""} when no single field is at fault. */
    public String field() {
        return field;
    }
}
