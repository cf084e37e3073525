package io.lodestar.segmentation.alert;

import java.util.Locale;

/**
 * A static threshold, e.g. refund rate above 0.08 over the last hour, judged only when the window has at least
 * {@code minVolume} (e.g. 20 paid orders): a quiet hour's 1 refund of 3 orders pages nobody. Pure.
 */
public record ThresholdRule(Comparison comparison, double threshold, double minVolume) {

    public ThresholdRule {
        if (comparison == Comparison.OUTSIDE) {
            throw new IllegalArgumentException("a threshold is crossed from above or below, not 'outside'");
        }
    }

    public Verdict evaluate(MetricWindow window) {
        if (window.volume() < minVolume) {
            return new Verdict(Verdict.Outcome.QUIET, window.value(), threshold, null, null, String.format(Locale.ROOT,
                    "volume %s below the minimum %s", Numbers.format(window.volume()), Numbers.format(minVolume)));
        }
        boolean above = comparison == Comparison.ABOVE;
        boolean anomalous = above ? window.value() > threshold : window.value() < threshold;
        return Verdict.judged(anomalous, window.value(), threshold, above ? null : threshold,
                above ? threshold : null, (above ? "above " : "below ") + Numbers.format(threshold) + " is anomalous");
    }
}
