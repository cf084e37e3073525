package io.lodestar.customerprofile.bulkimport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Fills a missing age with the median age of the import, the analysts' usual choice because one mistyped age
 * of 150 moves a mean but not a median. Two passes: {@link #observe} every record's known age (from the age
 * cell or the birth date), then {@link #impute} each record without age and birth date, which gets the median
 * flagged {@code ageImputed}.
 * <p>
 * The median of an odd count is the middle age; of an even count, the mean of the two middle ages (so 30 and
 * 31 give 30.5). An imputed age is whole years, the median rounded half up (30.5 → 31). With no known age in
 * the import there is nothing to impute from: missing ages stay missing. Ages are whole years from 0 to 150
 * (the mapper's bounds), so the ages are counted in a histogram: constant memory whatever the file's size.
 */
public final class MedianAgeImputer {

    private final long[] countByAge = new long[CustomerRowMapper.MAX_AGE + 1];
    private long observed;
    private long imputed;
    private Optional<Integer> imputedAge;

    /** First pass: counts the record's age, if it has one. */
    public void observe(CustomerRecord record) {
        if (record.age() != null && !record.ageImputed()) {
            countByAge[record.age()]++;
            observed++;
            imputedAge = null;
        }
    }

    /** The exact median of the observed ages; empty when none was observed. */
    public Optional<BigDecimal> median() {
        if (observed == 0) {
            return Optional.empty();
        }
        int lower = ageAtRank((observed - 1) / 2);
        int upper = ageAtRank(observed / 2);
        return Optional.of(BigDecimal.valueOf(lower + upper).divide(BigDecimal.valueOf(2)));
    }

    /** The age given to records without one: the median rounded half up to whole years. */
    public Optional<Integer> imputedAge() {
        if (imputedAge == null) {
            imputedAge = median().map(m -> m.setScale(0, RoundingMode.HALF_UP).intValueExact());
        }
        return imputedAge;
    }

    /** Second pass: the record with the median age if it has neither age nor birth date, else unchanged. */
    public CustomerRecord impute(CustomerRecord record) {
        if (!record.ageMissing()) {
            return record;
        }
        Optional<Integer> age = imputedAge();
        if (age.isEmpty()) {
            return record;
        }
        imputed++;
        return record.withImputedAge(age.get());
    }

    /** How many records got the median age. */
    public long imputed() {
        return imputed;
    }

    /** The age at a 0-based rank in ascending order. */
    private int ageAtRank(long rank) {
        long seen = 0;
        for (int age = 0; age < countByAge.length; age++) {
            seen += countByAge[age];
            if (seen > rank) {
                return age;
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + observed + " observed ages");
    }
}
