package io.lodestar.customerprofile.bulkimport;

/**
 * Where the cleaner sends each row's outcome: the job persists accepted records and writes the others to the
 * {@link RejectedRowsReport}. A callback rather than a returned list, so that rows stream through.
 */
public interface ImportSink<R> {

    void accepted(R record);

    void rejected(RejectedRow row);

    void dropped(DroppedDuplicate row);
}
