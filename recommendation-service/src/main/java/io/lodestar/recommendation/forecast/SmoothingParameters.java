package io.lodestar.recommendation.forecast;

/**
 * The fitted smoothing constants of a {@link HoltWinters} model.
 *
 * @param alpha level smoothing, in (0, 1)
 * @param beta  trend smoothing, in (0, 1)
 * @param gamma season smoothing, in (0, 1)
 * @param phi   trend damping, in (0, 1]; 1 means an undamped (linear) trend
 */
public record SmoothingParameters(double alpha, double beta, double gamma, double phi) {

    public SmoothingParameters {
        requireOpenUnit("alpha", alpha);
        requireOpenUnit("beta", beta);
        requireOpenUnit("gamma", gamma);
        if (!(phi > 0 && phi <= 1)) {
            throw new IllegalArgumentException("phi must be in (0, 1]");
        }
    }

    private static void requireOpenUnit(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1)");
        }
    }
}
