package io.lodestar.customerprofile.bulkimport;

/**
 * What a mapper made of one row: a typed record, or a rejection with reasons. A sealed pair rather than an
 * exception because rejecting a row is an expected outcome, counted and reported, not a failure.
 */
public sealed interface Mapped<R> {

    /** The row is valid. */
    record Accepted<R>(R record) implements Mapped<R> {
    }

    /** The row breaks at least one rule. */
    record Rejected<R>(RejectedRow row) implements Mapped<R> {
    }
}
