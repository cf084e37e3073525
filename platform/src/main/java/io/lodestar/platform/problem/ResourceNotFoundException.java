package io.lodestar.platform.problem;

/** Thrown by a service when the thing asked for does not exist; answered with 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String detail) {
        super(detail);
    }

    /** "customer 'c-42' not found" */
    public static ResourceNotFoundException of(String kind, Object id) {
        return new ResourceNotFoundException(kind + " '" + id + "' not found");
    }
}
