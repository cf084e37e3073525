package io.lodestar.platform.problem;

/**
 * Thrown when a dependency the request needs (Kafka, a peer service) is away and nothing was done; answered
 * with 503 and a Retry-After, so clients retry rather than give up.
 */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
