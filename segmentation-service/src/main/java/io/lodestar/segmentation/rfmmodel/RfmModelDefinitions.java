package io.lodestar.segmentation.rfmmodel;

import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

import io.lodestar.platform.problem.InvalidInputException;
import io.lodestar.segmentation.rfm.FrequencyThresholds;
import io.lodestar.segmentation.rfm.HighLowCuts;
import io.lodestar.segmentation.rfm.InvalidRfmModelException;
import io.lodestar.segmentation.rfm.LevelCut;
import io.lodestar.segmentation.rfm.MonetaryThresholds;
import io.lodestar.segmentation.rfm.QuintileScheme;
import io.lodestar.segmentation.rfm.RecencyThresholds;
import io.lodestar.segmentation.rfm.RfmModel;
import io.lodestar.segmentation.rfm.RfmScheme;
import io.lodestar.segmentation.rfm.RfmWindow;
import io.lodestar.segmentation.rfm.ThresholdScheme;

/** Turns an operator's model definition into the scoring core's {@link RfmModel}, reporting bad settings by field. */
final class RfmModelDefinitions {

    private RfmModelDefinitions() {
    }

    /** Checks a definition the way scoring will use it, so that a saved model always scores. */
    static void validate(RfmModelRequest definition) {
        toModel(definition, Instant.EPOCH);
    }

    /** The scoring model of {@code definition}, as of its own asOf or else {@code runAsOf}. */
    static RfmModel toModel(RfmModelRequest definition, Instant runAsOf) {
        try {
            return new RfmModel(scheme(definition), definition.asOf() != null ? definition.asOf() : runAsOf,
                    window(definition.window()));
        } catch (InvalidRfmModelException e) {
            throw new InvalidInputException(e.field(), e.getMessage());
        }
    }

    private static RfmScheme scheme(RfmModelRequest definition) {
        if (definition.scheme() == RfmModelRequest.SchemeKind.QUINTILE) {
            if (definition.thresholds() != null || definition.highLow() != null) {
                throw new InvalidInputException("scheme",
                        "the quintile scheme has no thresholds or High/Low cuts; leave them out");
            }
            return new QuintileScheme();
        }
        ThresholdScheme defaults = ThresholdScheme.defaults();
        RfmModelRequest.Thresholds t = definition.thresholds();
        RecencyThresholds recency = t == null || t.recencyDays() == null ? defaults.recency()
                : withField("thresholds.recencyDays", () -> {
                    List<Long> d = t.recencyDays();
                    return new RecencyThresholds(d.get(0), d.get(1), d.get(2));
                });
        FrequencyThresholds frequency = t == null || t.frequencyOrders() == null ? defaults.frequency()
                : withField("thresholds.frequencyOrders", () -> {
                    List<Integer> f = t.frequencyOrders();
                    return new FrequencyThresholds(f.get(0), f.get(1), f.get(2));
                });
        MonetaryThresholds monetary = t == null || t.monetarySpend() == null ? defaults.monetary()
                : withField("thresholds.monetarySpend", () -> new MonetaryThresholds(t.monetarySpend().get(0),
                        t.monetarySpend().get(1), t.monetarySpend().get(2)));
        RfmModelRequest.HighLow h = definition.highLow();
        HighLowCuts cuts = h == null ? HighLowCuts.BY_MEAN : withField("highLow", () -> new HighLowCuts(
                cut(h.recency()), cut(h.frequency()), cut(h.monetary())));
        return new ThresholdScheme(recency, frequency, monetary, cuts);
    }

    private static LevelCut cut(Double score) {
        return score == null ? LevelCut.populationMean() : LevelCut.atLeast(score);
    }

    private static RfmWindow window(String window) {
        if (window == null || window.isBlank()) {
            return RfmWindow.wholeHistory();
        }
        try {
            return RfmWindow.trailing(Period.parse(window));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("window", "must be an ISO-8601 period such as P6M or P1Y, was " + window);
        }
    }

    /** Reports a core validation failure under the API's field path ({@code highLow.recency}). */
    private static <T> T withField(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidRfmModelException e) {
            // The core names its own setting (highLow.recency, recency.score3MaxDays): keep the API's path.
            throw new InvalidInputException(e.field().startsWith(field) ? e.field() : field, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }
}
