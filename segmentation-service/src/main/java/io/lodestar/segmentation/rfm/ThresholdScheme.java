package io.lodestar.segmentation.rfm;

/**
 * The common industry template: each dimension scored 1–4 by fixed business thresholds, then High or Low against a
 * {@link HighLowCuts cut}, giving one of the 8 {@link RfmClass classic classes}. Thresholds are absolute, so scores mean
 * the same across runs and populations; the default frequency and monetary cut points are calibrated for a 6-month
 * window ({@code RfmWindow.trailing(Period.ofMonths(6))}).
 */
public record ThresholdScheme(RecencyThresholds recency, FrequencyThresholds frequency, MonetaryThresholds monetary,
        HighLowCuts highLow) implements RfmScheme {

    public ThresholdScheme {
        if (recency == null) {
            throw new InvalidRfmModelException("recency", "must be given");
        }
        if (frequency == null) {
            throw new InvalidRfmModelException("frequency", "must be given");
        }
        if (monetary == null) {
            throw new InvalidRfmModelException("monetary", "must be given");
        }
        if (highLow == null) {
            throw new InvalidRfmModelException("highLow", "must be given");
        }
    }

    /** The Glossary's thresholds, each dimension cut at its population mean. */
    public static ThresholdScheme defaults() {
        return new ThresholdScheme(RecencyThresholds.DEFAULT, FrequencyThresholds.DEFAULT, MonetaryThresholds.DEFAULT,
                HighLowCuts.BY_MEAN);
    }

    /** The Glossary's thresholds with other High/Low cuts. */
    public static ThresholdScheme withCuts(HighLowCuts highLow) {
        return new ThresholdScheme(RecencyThresholds.DEFAULT, FrequencyThresholds.DEFAULT, MonetaryThresholds.DEFAULT,
                highLow);
    }
}
