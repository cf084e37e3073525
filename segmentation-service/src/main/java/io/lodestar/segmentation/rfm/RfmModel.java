package io.lodestar.segmentation.rfm;

import java.time.Instant;

/**
 * Everything a scoring run depends on besides the customers: how values become scores and groups, the instant they are
 * measured at, and which orders count.
 *
 * @param scheme the threshold or the quintile scheme
 * @param asOf   the instant recency is measured to; explicit so that historical data is scored as of its own end
 *               (Online Retail as of {@code 2011-12-10T00:00:00Z}) and a re-run gives the same answer
 * @param window which paid orders count for frequency and monetary
 */
public record RfmModel(RfmScheme scheme, Instant asOf, RfmWindow window) {

    public RfmModel {
        if (scheme == null) {
            throw new InvalidRfmModelException("scheme", "must be given");
        }
        if (asOf == null) {
            throw new InvalidRfmModelException("asOf", "must be given");
        }
        if (window == null) {
            throw new InvalidRfmModelException("window", "must be given (use RfmWindow.wholeHistory())");
        }
    }

    /** A model over the whole history, the Glossary's default window. */
    public static RfmModel overWholeHistory(RfmScheme scheme, Instant asOf) {
        return new RfmModel(scheme, asOf, RfmWindow.wholeHistory());
    }
}
