package io.lodestar.customerprofile.bulkimport;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;

/**
 * When a customer's total spend in the import is an outlier. Both rules are the ones analysts use by hand;
 * which fits depends on the data, so the job takes it as configuration. Each rule turns the population of
 * spends into {@link Fences}; a spend strictly beyond a fence is an outlier.
 */
public sealed interface OutlierRule {

    /** Spend strictly above {@code k} × the mean spend (high side only); the mean has 16 significant digits. */
    record KTimesMean(double k) implements OutlierRule {
        public KTimesMean {
            requirePositive(k);
        }

        @Override
        public Fences fences(Collection<BigDecimal> spends) {
            BigDecimal total = spends.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal mean = total.divide(BigDecimal.valueOf(spends.size()), MathContext.DECIMAL64);
            return new Fences(null, mean.multiply(BigDecimal.valueOf(k), MathContext.DECIMAL64));
        }

        @Override
        public String describe() {
            return "spend > " + k + " × mean spend";
        }
    }

    /**
     * Tukey's fences: spend strictly above Q3 + k × IQR or strictly below Q1 − k × IQR (IQR = Q3 − Q1), with the
     * quartiles of {@link Quartiles}; 1.5 is Tukey's own k.
     */
    record TukeyFences(double k) implements OutlierRule {
        public static final double TUKEY_K = 1.5;

        public TukeyFences() {
            this(TUKEY_K);
        }

        public TukeyFences {
            requirePositive(k);
        }

        @Override
        public Fences fences(Collection<BigDecimal> spends) {
            Quartiles quartiles = Quartiles.of(spends.stream().sorted().toList());
            BigDecimal reach = quartiles.iqr().multiply(BigDecimal.valueOf(k));
            return new Fences(quartiles.q1().subtract(reach), quartiles.q3().add(reach));
        }

        @Override
        public String describe() {
            return "spend outside [Q1 − " + k + " × IQR, Q3 + " + k + " × IQR]";
        }
    }

    /**
     * The bounds of ordinary spend.
     *
     * @param low null when the rule has no lower fence
     */
    record Fences(BigDecimal low, BigDecimal high) {
    }

    /** The fences of a population of spends (not empty). */
    Fences fences(Collection<BigDecimal> spends);

    /** The rule in words, for the report. */
    String describe();

    private static void requirePositive(double k) {
        if (!(k > 0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("k must be a positive number, was " + k);
        }
    }
}
