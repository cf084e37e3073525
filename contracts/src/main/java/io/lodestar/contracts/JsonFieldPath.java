package io.lodestar.contracts;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Names the field a Jackson mapping error is about, as the sender knows it: {@code payload.lines[0].quantity}.
 * Shared by the event codec and the HTTP problem mapping, so a missing field is named the same way in a
 * dead-letter header and in a 400 response.
 */
public final class JsonFieldPath {

    private JsonFieldPath() {
    }

    /**
     * The dotted path of the offending field. Jackson reports a missing, mistyped or unknown-enum value with the
     * path of references that led to it; a record constructor that refused a null reports only the enclosing
     * object, and the field's name is in the {@link NullPointerException}'s message (records use
     * {@code Objects.requireNonNull(value, "fieldName")}).
     */
    public static String of(JsonMappingException e) {
        String path = "";
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path = join(path, ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path = path + "[" + ref.getIndex() + "]";
            }
        }
        String nullField = refusedNull(e);
        return nullField == null ? path : join(path, nullField);
    }

    /** The field a record constructor refused as null, or null when the error is of another kind. */
    public static String refusedNull(JsonMappingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof NullPointerException npe
                && npe.getMessage() != null && !npe.getMessage().contains(" ")) {
            return npe.getMessage();
        }
        return null;
    }

    /** Joins a path and a relative one; the relative one may start with an index ({@code lines[2]}). */
    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
