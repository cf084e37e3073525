package io.lodestar.campaign.experiment;

/**
 * The standard normal distribution, written out because no maths library is on the classpath and because p-values of
 * experiments live in the tails, where the common short approximations (Abramowitz-Stegun 26.2.17, Numerical
 * Recipes {@code erfcc}, about 1e-7) are too coarse: at z = 5 they carry no correct significant digit.
 *
 * <p>{@link #cdf} is W. J. Cody's rational Chebyshev approximation of Φ (Cody 1969, "Rational Chebyshev
 * approximations for the error function", Math. Comp. 23; packaged as ANORM in ACM TOMS Algorithm 715, 1993, the
 * algorithm R's {@code pnorm} uses). It has three ranges and a relative error near 1e-15 in each, including the far
 * lower tail. {@link #quantile} is Peter J. Acklam's rational approximation (relative error 1.15e-9) followed by
 * one Halley step on Φ, which brings it to full double precision.
 */
public final class Normal {

    private static final double SQRT_32 = Math.sqrt(32.0);
    private static final double ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
    private static final double SQRT_2PI = 2.50662827463100050242;
    /** Below this Φ underflows to 0 in double precision (Cody's bound). */
    private static final double LOWER_LIMIT = -37.5193;
    /** Above this Φ rounds to exactly 1. */
    private static final double UPPER_LIMIT = 8.2924;

    // Cody's coefficients for |x| <= 0.67448975 (the quartile), Φ(x) = 0.5 + x * A(x²)/B(x²).
    private static final double[] A = {
        2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
        0.065682337918207449113};
    private static final double[] B = {
        47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956};
    // For 0.67448975 < |x| <= sqrt(32): Φ(-|x|) = exp(-x²/2) * C(|x|)/D(|x|).
    private static final double[] C = {
        0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
        2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
        1.0765576773720192317e-8};
    private static final double[] D = {
        22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
        18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727};
    // For |x| > sqrt(32): an asymptotic form in 1/x², Φ(-|x|) = exp(-x²/2)/|x| * (1/sqrt(2π) - P/Q).
    private static final double[] P = {
        0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
        2.9112874951168792e-5, 0.02307344176494017303};
    private static final double[] Q = {
        1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
        7.29751555083966205e-5};

    // Acklam's coefficients: central region (numerator AC, denominator AD) and tails (numerator TC, denominator TD).
    private static final double[] AC = {
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] AD = {
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    private static final double[] TC = {
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] TD = {
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    private static final double ACKLAM_LOW = 0.02425;

    private Normal() {
    }

    /** The density φ(x) = exp(-x²/2) / sqrt(2π). */
    public static double density(double x) {
        return ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    /** Φ(x) = P(Z ≤ x), with relative accuracy near 1e-15; NaN for NaN. */
    public static double cdf(double x) {
        if (Double.isNaN(x)) {
            return Double.NaN;
        }
        double y = Math.abs(x);
        if (y <= 0.67448975) {
            double xsq = x * x;
            double numerator = A[4] * xsq;
            double denominator = xsq;
            for (int i = 0; i < 3; i++) {
                numerator = (numerator + A[i]) * xsq;
                denominator = (denominator + B[i]) * xsq;
            }
            return 0.5 + x * (numerator + A[3]) / (denominator + B[3]);
        }
        if (x <= LOWER_LIMIT) {
            return 0.0;
        }
        if (x >= UPPER_LIMIT) {
            return 1.0;
        }
        double tail; // Φ(-y), the smaller of the two tails
        if (y <= SQRT_32) {
            double numerator = C[8] * y;
            double denominator = y;
            for (int i = 0; i < 7; i++) {
                numerator = (numerator + C[i]) * y;
                denominator = (denominator + D[i]) * y;
            }
            tail = gaussianFactor(y) * (numerator + C[7]) / (denominator + D[7]);
        } else {
            double inverseSquare = 1.0 / (y * y);
            double numerator = P[5] * inverseSquare;
            double denominator = inverseSquare;
            for (int i = 0; i < 4; i++) {
                numerator = (numerator + P[i]) * inverseSquare;
                denominator = (denominator + Q[i]) * inverseSquare;
            }
            double ratio = inverseSquare * (numerator + P[4]) / (denominator + Q[4]);
            tail = gaussianFactor(y) * (ONE_OVER_SQRT_2PI - ratio) / y;
        }
        return x > 0 ? 1.0 - tail : tail;
    }

    /**
     * exp(-y²/2) computed as exp(-s²/2)·exp(-(y-s)(y+s)/2) with s = y rounded down to 1/16: Cody's device, because
     * s² is exact in binary and the second factor is close to 1, so the rounding error of y² is not amplified by
     * the exponential (it would cost several digits at y = 30).
     */
    private static double gaussianFactor(double y) {
        double rounded = Math.floor(y * 16.0) / 16.0;
        double delta = (y - rounded) * (y + rounded);
        return Math.exp(-0.5 * rounded * rounded) * Math.exp(-0.5 * delta);
    }

    /**
     * Φ⁻¹(p): the z with Φ(z) = p. {@code quantile(0)} is -∞ and {@code quantile(1)} is +∞.
     *
     * @throws IllegalArgumentException when p is NaN or outside [0, 1]
     */
    public static double quantile(double p) {
        if (Double.isNaN(p) || p < 0.0 || p > 1.0) {
            throw new IllegalArgumentException("probability must be in [0, 1] but was " + p);
        }
        if (p == 0.0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        // Work in the lower half and reflect: for p >= 0.5, 1 - p is exact in floating point (Sterbenz), whereas
        // refining Φ(x) - p near p = 1 would subtract two numbers that agree in most of their digits.
        if (p > 0.5) {
            return -lowerQuantile(1.0 - p);
        }
        return lowerQuantile(p);
    }

    private static double lowerQuantile(double p) {
        double x;
        if (p < ACKLAM_LOW) {
            double q = Math.sqrt(-2.0 * Math.log(p));
            x = (((((TC[0] * q + TC[1]) * q + TC[2]) * q + TC[3]) * q + TC[4]) * q + TC[5])
                    / ((((TD[0] * q + TD[1]) * q + TD[2]) * q + TD[3]) * q + 1.0);
        } else {
            double q = p - 0.5;
            double r = q * q;
            x = (((((AC[0] * r + AC[1]) * r + AC[2]) * r + AC[3]) * r + AC[4]) * r + AC[5]) * q
                    / (((((AD[0] * r + AD[1]) * r + AD[2]) * r + AD[3]) * r + AD[4]) * r + 1.0);
        }
        double phi = cdf(x);
        if (phi == 0.0) {
            // Φ underflows below -37.5; the refinement would divide by an infinite density, so keep Acklam's value,
            // whose 1e-9 relative error is already far below any use of so small a probability.
            return x;
        }
        // One Halley step on f(x) = Φ(x) - p, as Acklam recommends: e is the error in probability, u the matching
        // first-order error in x (e / φ(x)), and the denominator the second-order correction.
        double e = phi - p;
        double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
        return x - u / (1.0 + 0.5 * x * u);
    }
}
