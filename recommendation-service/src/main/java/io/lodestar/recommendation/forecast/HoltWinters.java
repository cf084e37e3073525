package io.lodestar.recommendation.forecast;

import java.util.Objects;

/**
 * A fitted Holt–Winters (triple exponential smoothing) model: level, trend and a season of {@code period} days, additive
 * or multiplicative, with an optionally damped trend.
 *
 * <p>Recursion (additive; the multiplicative form divides by the season instead of subtracting it), for each day t with
 * {@code s} the season component of the same weekday one period earlier:
 * <pre>
 *   one-step forecast  ŷ = l + φ·b + s
 *   level              l' = α·(y − s) + (1 − α)·(l + φ·b)
 *   trend              b' = β·(l' − l) + (1 − β)·φ·b
 *   season             s' = γ·(y − l') + (1 − γ)·s
 *   h days ahead       ŷ(h) = l + (φ + φ² + … + φʰ)·b + s(h)
 * </pre>
 * <b>Initial state</b> from the first two seasons: the trend is the difference of their means divided by the period; the
 * level is the first season's mean carried back to the day before the series starts; each weekday's season component is
 * its deviation (or ratio) from the trend line, averaged over the two seasons and normalised to sum to 0 (mean 1).
 *
 * <p><b>Fitting</b> minimises the sum of squared one-step-ahead errors over the whole series: a coarse grid (α, β, γ in
 * 0.05, 0.15, …, 0.95; φ in 0.80, 0.90, 0.98 when damped) and then a pattern search around the best grid point, halving
 * the step down to 10⁻⁴. Both are deterministic, so the same series always gives the same model.
 *
 * <p><b>Prediction band</b>: ŷ(h) ± z·σ·√h with σ the root mean squared one-step error. This is a simple approximation
 * (it treats the h-step error as a random walk of one-step errors and ignores parameter uncertainty); it widens with the
 * horizon as it should, but it is not the exact Holt–Winters variance.
 *
 * <p>Immutable; stored as the numbers its accessors return and restored with {@link #restore}.
 */
public final class HoltWinters {

    private static final double[] GRID = {0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95};
    private static final double[] DAMPING_GRID = {0.80, 0.90, 0.98};
    private static final double MIN_SMOOTHING = 1e-4;
    private static final double MAX_SMOOTHING = 1 - 1e-4;
    private static final double MIN_DAMPING = 0.8;
    private static final double MAX_DAMPING = 0.98;
    private static final double SMALLEST_STEP = 1e-4;
    /** Keeps the multiplicative recursion away from dividing by zero on an empty day. */
    private static final double EPSILON = 1e-9;

    private final Seasonality seasonality;
    private final SmoothingParameters parameters;
    private final double level;
    private final double trend;
    private final double[] seasonAhead;
    private final double residualSd;

    private HoltWinters(Seasonality seasonality, SmoothingParameters parameters, double level, double trend,
            double[] seasonAhead, double residualSd) {
        this.seasonality = seasonality;
        this.parameters = parameters;
        this.level = level;
        this.trend = trend;
        this.seasonAhead = seasonAhead;
        this.residualSd = residualSd;
    }

    /**
     * Fits a model to {@code series}.
     *
     * @param series      observations, oldest first, at least two seasons long, all finite
     * @param period      season length (7 for a weekly pattern in daily data), at least 2
     * @param seasonality additive or multiplicative
     * @param dampedTrend whether to fit a damping factor φ (otherwise φ = 1)
     */
    public static HoltWinters fit(double[] series, int period, Seasonality seasonality, boolean dampedTrend) {
        Objects.requireNonNull(seasonality, "seasonality");
        if (period < 2) {
            throw new IllegalArgumentException("period must be at least 2");
        }
        if (series.length < 2 * period) {
            throw new IllegalArgumentException("a Holt-Winters fit needs at least two seasons (" + 2 * period
                    + " observations), got " + series.length);
        }
        for (double value : series) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("the series must be finite");
            }
        }
        InitialState initial = InitialState.of(series, period, seasonality);
        double[] best = gridSearch(series, initial, seasonality, dampedTrend);
        best = patternSearch(series, initial, seasonality, dampedTrend, best);
        SmoothingParameters parameters = new SmoothingParameters(best[0], best[1], best[2], best[3]);
        return run(series, initial, seasonality, parameters);
    }

    /**
     * Restores a stored model.
     *
     * @param seasonAhead the season components for the next {@code period} days: {@code seasonAhead[j]} applies to the
     *                    forecast {@code j + 1} days ahead (and every period after it)
     */
    public static HoltWinters restore(Seasonality seasonality, SmoothingParameters parameters, double level, double trend,
            double[] seasonAhead, double residualSd) {
        Objects.requireNonNull(seasonality, "seasonality");
        Objects.requireNonNull(parameters, "parameters");
        if (seasonAhead.length < 2) {
            throw new IllegalArgumentException("the season needs at least 2 components");
        }
        if (!(residualSd >= 0) || !Double.isFinite(level) || !Double.isFinite(trend)) {
            throw new IllegalArgumentException("level and trend must be finite and residualSd non-negative");
        }
        return new HoltWinters(seasonality, parameters, level, trend, seasonAhead.clone(), residualSd);
    }

    /** Point forecasts for the next {@code horizon} periods (days), not clipped. */
    public double[] forecast(int horizon) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1");
        }
        double[] forecast = new double[horizon];
        double dampedSteps = 0;
        double phiPower = 1;
        for (int h = 1; h <= horizon; h++) {
            phiPower *= parameters.phi();
            dampedSteps += phiPower;
            double base = level + dampedSteps * trend;
            double season = seasonAhead[(h - 1) % seasonAhead.length];
            forecast[h - 1] = seasonality == Seasonality.ADDITIVE ? base + season : base * season;
        }
        return forecast;
    }

    /** Half-width of the prediction band {@code step} periods ahead: z·σ·√step (see the class comment). */
    public double bandHalfWidth(int step, double z) {
        if (step < 1) {
            throw new IllegalArgumentException("step must be at least 1");
        }
        return z * residualSd * Math.sqrt(step);
    }

    public Seasonality seasonality() {
        return seasonality;
    }

    public SmoothingParameters parameters() {
        return parameters;
    }

    public int period() {
        return seasonAhead.length;
    }

    /** The level at the end of the fitted series. */
    public double level() {
        return level;
    }

    /** The trend (per period) at the end of the fitted series. */
    public double trend() {
        return trend;
    }

    /** A copy of the season components for the next period of days (see {@link #restore}). */
    public double[] seasonAhead() {
        return seasonAhead.clone();
    }

    /** Root mean squared one-step-ahead error over the fitted series. */
    public double residualSd() {
        return residualSd;
    }

    private static double[] gridSearch(double[] series, InitialState initial, Seasonality seasonality,
            boolean dampedTrend) {
        double[] phis = dampedTrend ? DAMPING_GRID : new double[] {1};
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double phi : phis) {
            for (double alpha : GRID) {
                for (double beta : GRID) {
                    for (double gamma : GRID) {
                        double sse = sse(series, initial, seasonality, alpha, beta, gamma, phi);
                        // strictly better only: ties keep the earlier (smoother) point, so the search is deterministic
                        if (sse < bestSse) {
                            bestSse = sse;
                            best = new double[] {alpha, beta, gamma, phi};
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Coordinate-wise pattern search: try ± step on each constant, keep improvements, halve the step when none. */
    private static double[] patternSearch(double[] series, InitialState initial, Seasonality seasonality,
            boolean dampedTrend, double[] start) {
        double[] point = start.clone();
        double bestSse = sse(series, initial, seasonality, point[0], point[1], point[2], point[3]);
        int dimensions = dampedTrend ? 4 : 3;
        for (double step = 0.05; step >= SMALLEST_STEP; ) {
            boolean improved = false;
            for (int d = 0; d < dimensions; d++) {
                for (double direction : new double[] {-1, 1}) {
                    double[] candidate = point.clone();
                    candidate[d] = clamp(d, candidate[d] + direction * step);
                    double sse = sse(series, initial, seasonality, candidate[0], candidate[1], candidate[2],
                            candidate[3]);
                    if (sse < bestSse) {
                        bestSse = sse;
                        point = candidate;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
        return point;
    }

    private static double clamp(int dimension, double value) {
        return dimension == 3 ? Math.max(MIN_DAMPING, Math.min(MAX_DAMPING, value))
                : Math.max(MIN_SMOOTHING, Math.min(MAX_SMOOTHING, value));
    }

    private static double sse(double[] series, InitialState initial, Seasonality seasonality, double alpha,
            double beta, double gamma, double phi) {
        return Smoothing.over(series, initial, seasonality, alpha, beta, gamma, phi).sse;
    }

    /** Runs the recursion once more with the chosen constants to obtain the final state. */
    private static HoltWinters run(double[] series, InitialState initial, Seasonality seasonality,
            SmoothingParameters p) {
        Smoothing end = Smoothing.over(series, initial, seasonality, p.alpha(), p.beta(), p.gamma(), p.phi());
        int period = end.season.length;
        double[] seasonAhead = new double[period];
        for (int j = 0; j < period; j++) {
            seasonAhead[j] = end.season[(series.length + j) % period];
        }
        return new HoltWinters(seasonality, p, end.level, end.trend, seasonAhead, Math.sqrt(end.sse / series.length));
    }

    /** The state after one smoothing pass over a series, and the pass's sum of squared one-step errors. */
    private static final class Smoothing {

        private final double level;
        private final double trend;
        private final double[] season;
        private final double sse;

        private Smoothing(double level, double trend, double[] season, double sse) {
            this.level = level;
            this.trend = trend;
            this.season = season;
            this.sse = sse;
        }

        static Smoothing over(double[] series, InitialState initial, Seasonality seasonality, double alpha,
                double beta, double gamma, double phi) {
            double level = initial.level;
            double trend = initial.trend;
            double[] season = initial.season.clone();
            double sse = 0;
            int period = season.length;
            boolean additive = seasonality == Seasonality.ADDITIVE;
            for (int t = 0; t < series.length; t++) {
                int weekday = t % period;
                double y = series[t];
                double base = level + phi * trend;
                double s = season[weekday];
                double error = y - (additive ? base + s : base * s);
                sse += error * error;
                double newLevel = additive ? alpha * (y - s) + (1 - alpha) * base
                        : alpha * y / Math.max(s, EPSILON) + (1 - alpha) * base;
                trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
                season[weekday] = additive ? gamma * (y - newLevel) + (1 - gamma) * s
                        : gamma * y / Math.max(newLevel, EPSILON) + (1 - gamma) * s;
                level = newLevel;
            }
            return new Smoothing(level, trend, season, sse);
        }
    }

    /** Level, trend and season before the first observation, estimated from the first two seasons. */
    private static final class InitialState {

        private final double level;
        private final double trend;
        private final double[] season;

        private InitialState(double level, double trend, double[] season) {
            this.level = level;
            this.trend = trend;
            this.season = season;
        }

        static InitialState of(double[] series, int period, Seasonality seasonality) {
            double firstMean = mean(series, 0, period);
            double secondMean = mean(series, period, 2 * period);
            double trend = (secondMean - firstMean) / period;
            // A season's mean is the trend line's value at its middle day, (period - 1) / 2.
            double middle = (period - 1) / 2.0;
            double[] season = new double[period];
            if (seasonality == Seasonality.ADDITIVE) {
                for (int i = 0; i < period; i++) {
                    season[i] = ((series[i] - (firstMean + trend * (i - middle)))
                            + (series[i + period] - (secondMean + trend * (i - middle)))) / 2;
                }
                double shift = mean(season, 0, period);
                for (int i = 0; i < period; i++) {
                    season[i] -= shift;
                }
            } else {
                if (!(firstMean > 0 && secondMean > 0)) {
                    throw new IllegalArgumentException(
                            "multiplicative seasonality needs positive demand in each of the first two seasons");
                }
                for (int i = 0; i < period; i++) {
                    season[i] = (series[i] / Math.max(firstMean + trend * (i - middle), EPSILON)
                            + series[i + period] / Math.max(secondMean + trend * (i - middle), EPSILON)) / 2;
                }
                double scale = mean(season, 0, period);
                for (int i = 0; i < period; i++) {
                    season[i] /= scale;
                }
            }
            // level "at day -1", so that the first one-step forecast l + b lands on day 0 of the trend line
            double level = firstMean - trend * (middle + 1);
            return new InitialState(level, trend, season);
        }

        private static double mean(double[] values, int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += values[i];
            }
            return sum / (to - from);
        }
    }
}
