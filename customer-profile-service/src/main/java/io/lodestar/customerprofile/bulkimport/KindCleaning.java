package io.lodestar.customerprofile.bulkimport;

import java.util.List;

/** The cleaning steps particular to one import kind, after mapping and duplicate removal. */
interface KindCleaning<R extends ImportRecord> {

    /** Whether the steps need to see every record before cleaning any (median imputation does). */
    boolean needsFirstPass();

    /** First pass: learns from a valid, non-duplicate record. */
    void observe(R record);

    /** The (final) pass: the record as it will be imported. */
    R clean(R record);

    List<CleaningDecision> decisions();

    List<SpendOutlier> spendOutliers();
}
