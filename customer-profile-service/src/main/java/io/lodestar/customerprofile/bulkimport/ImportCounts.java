package io.lodestar.customerprofile.bulkimport;

/**
 * The job's progress figures. Every row read ends in exactly one of the three others:
 * {@code read == accepted + rejected + droppedDuplicates}.
 */
public record ImportCounts(long read, long accepted, long rejected, long droppedDuplicates) {
}
