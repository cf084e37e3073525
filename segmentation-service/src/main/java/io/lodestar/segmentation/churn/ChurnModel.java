package io.lodestar.segmentation.churn;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trained churn model as plain numbers, which is how it is stored (CONVENTIONS.md 15: no serialised Smile objects):
 * the feature spec (and so the feature order), the scaler (per-feature mean and scale), the logistic coefficients on the
 * standardised features, and the intercept. Scoring needs nothing else:
 *
 * <pre>
 *   z = intercept + Σᵢ coefficientᵢ · (xᵢ − meanᵢ) / scaleᵢ        p(churn) = 1 / (1 + e^(−z))
 * </pre>
 *
 * A coefficient reads as "one standard deviation more of this feature multiplies the odds of churning by e^coefficient",
 * which is the explanation an operator gets. Rebuilding a model from its stored numbers with the public constructor gives
 * the same probabilities, to the last bit, as the model the trainer returned, as long as the numbers are stored exactly
 * ({@code double precision} columns, or the shortest decimal text of {@link Double#toString} as JSON writes it).
 */
public final class ChurnModel {

    private final ChurnFeatureSpec features;
    private final Instant trainingCutoff;
    private final int horizonDays;
    private final double[] means;
    private final double[] scales;
    private final double[] coefficients;
    private final double intercept;

    /**
     * @param features       the spec the model was trained with
     * @param trainingCutoff the cutoff of its training set, for provenance
     * @param horizonDays    the label horizon it predicts, for provenance and reason texts
     * @param means          training mean of each feature, in spec order
     * @param scales         training standard deviation of each feature (1 where a feature was constant), positive
     * @param coefficients   coefficient of each standardised feature
     * @param intercept      the intercept (log-odds of churn at the mean customer)
     * @throws IllegalArgumentException when a length differs from the spec's feature count or a number is not finite
     */
    public ChurnModel(ChurnFeatureSpec features, Instant trainingCutoff, int horizonDays, double[] means, double[] scales,
            double[] coefficients, double intercept) {
        this.features = Objects.requireNonNull(features, "features");
        this.trainingCutoff = Objects.requireNonNull(trainingCutoff, "trainingCutoff");
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizonDays must be at least 1, was " + horizonDays);
        }
        this.horizonDays = horizonDays;
        int p = features.featureCount();
        this.means = finite("means", means, p);
        this.scales = finite("scales", scales, p);
        for (int i = 0; i < p; i++) {
            if (!(this.scales[i] > 0)) {
                throw new IllegalArgumentException("scales must be positive, scales[" + i + "] (" + featureNames().get(i)
                        + ") was " + this.scales[i]);
            }
        }
        this.coefficients = finite("coefficients", coefficients, p);
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("intercept must be finite, was " + intercept);
        }
        this.intercept = intercept;
    }

    private static double[] finite(String name, double[] values, int length) {
        Objects.requireNonNull(values, name);
        if (values.length != length) {
            throw new IllegalArgumentException(name + " has " + values.length + " values for " + length + " features");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] must be finite, was " + values[i]);
            }
        }
        return values.clone();
    }

    /**
     * The probability that a customer with these features (in {@link #featureNames()} order) has no paid order in the
     * {@link #horizonDays()} days after the instant the features were measured at.
     */
    public double probability(double[] features) {
        Objects.requireNonNull(features, "features");
        if (features.length != means.length) {
            throw new IllegalArgumentException(features.length + " features for a model of " + means.length);
        }
        double z = intercept;
        for (int i = 0; i < features.length; i++) {
            z += coefficients[i] * ((features[i] - means[i]) / scales[i]);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The standardised features, {@code (x − mean) / scale}, as the trainer fed them to the optimiser. */
    double[] standardise(double[] features) {
        double[] z = new double[features.length];
        for (int i = 0; i < features.length; i++) {
            z[i] = (features[i] - means[i]) / scales[i];
        }
        return z;
    }

    public ChurnFeatureSpec features() {
        return features;
    }

    public List<String> featureNames() {
        return features.featureNames();
    }

    public Instant trainingCutoff() {
        return trainingCutoff;
    }

    public int horizonDays() {
        return horizonDays;
    }

    public double[] means() {
        return means.clone();
    }

    public double[] scales() {
        return scales.clone();
    }

    public double[] coefficients() {
        return coefficients.clone();
    }

    public double intercept() {
        return intercept;
    }

    /** Coefficients by feature name, in feature order, for explanations. */
    public Map<String, Double> coefficientsByFeature() {
        Map<String, Double> byName = new LinkedHashMap<>();
        List<String> names = featureNames();
        for (int i = 0; i < names.size(); i++) {
            byName.put(names.get(i), coefficients[i]);
        }
        return Collections.unmodifiableMap(byName);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ChurnModel)) {
            return false;
        }
        ChurnModel that = (ChurnModel) other;
        return horizonDays == that.horizonDays && Double.compare(intercept, that.intercept) == 0
                && features.equals(that.features) && trainingCutoff.equals(that.trainingCutoff)
                && Arrays.equals(means, that.means) && Arrays.equals(scales, that.scales)
                && Arrays.equals(coefficients, that.coefficients);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(features, trainingCutoff, horizonDays, intercept);
        hash = 31 * hash + Arrays.hashCode(means);
        hash = 31 * hash + Arrays.hashCode(scales);
        return 31 * hash + Arrays.hashCode(coefficients);
    }

    @Override
    public String toString() {
        return "ChurnModel[trainingCutoff=" + trainingCutoff + ", horizonDays=" + horizonDays + ", intercept=" + intercept
                + ", coefficients=" + coefficientsByFeature() + "]";
    }
}
