package io.lodestar.customerprofile.bulkimport;

import java.util.List;

/** Customers: median age imputation, which needs every known age first, hence two passes. */
final class CustomerCleaning implements KindCleaning<CustomerRecord> {

    private final MedianAgeImputer ages = new MedianAgeImputer();

    @Override
    public boolean needsFirstPass() {
        return true;
    }

    @Override
    public void observe(CustomerRecord record) {
        ages.observe(record);
    }

    @Override
    public CustomerRecord clean(CustomerRecord record) {
        return ages.impute(record);
    }

    @Override
    public List<SpendOutlier> spendOutliers() {
        return List.of();
    }

    @Override
    public List<CleaningDecision> decisions() {
        String detail = ages.median()
                .map(m -> "median of the known ages " + m.toPlainString() + ", imputed as " + ages.imputedAge().get()
                        + " and flagged ageImputed")
                .orElse("no known age in the import: missing ages left missing");
        return List.of(new CleaningDecision(CleaningStep.MEDIAN_AGE, ages.imputed(), detail));
    }
}
