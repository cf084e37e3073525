package io.lodestar.customerprofile.bulkimport;

/**
 * What one cleaning step did to the import, for the job's report: the rule, how many rows or customers it
 * concerned, and the figures it decided with (the median, the fences), so that no cleaning is silent.
 *
 * @param count  rows dropped or imputed, or rows/customers flagged
 * @param detail the rule and its figures in words
 */
public record CleaningDecision(CleaningStep step, long count, String detail) {

    public CleaningStep.Action action() {
        return step.action();
    }
}
