package io.lodestar.platform.problem;

/** Thrown by a service when a request contradicts the current state (an illegal transition, a duplicate); 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
