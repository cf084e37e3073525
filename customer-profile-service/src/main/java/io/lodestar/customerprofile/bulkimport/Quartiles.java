package io.lodestar.customerprofile.bulkimport;

import java.math.BigDecimal;
import java.util.List;

/**
 * The first and third quartiles of a sample, by linear interpolation between order statistics (Hyndman and
 * Fan's type 7, the default of R, NumPy, pandas and Excel's QUARTILE.INC): with the values sorted as
 * x[0] ≤ … ≤ x[n−1], the p-quantile is at h = (n − 1) p, and Q(p) = x[⌊h⌋] + (h − ⌊h⌋) (x[⌊h⌋+1] − x[⌊h⌋]).
 * For p = ¼ and ¾ the fraction is a multiple of ¼, so the result is exact in {@link BigDecimal}.
 */
record Quartiles(BigDecimal q1, BigDecimal q3) {

    /** @param sorted ascending, not empty */
    static Quartiles of(List<BigDecimal> sorted) {
        return new Quartiles(quantile(sorted, 1), quantile(sorted, 3));
    }

    BigDecimal iqr() {
        return q3.subtract(q1);
    }

    /** The {@code quarters}/4 quantile. */
    private static BigDecimal quantile(List<BigDecimal> sorted, int quarters) {
        long h4 = (long) (sorted.size() - 1) * quarters;
        int index = (int) (h4 / 4);
        BigDecimal fraction = BigDecimal.valueOf(h4 % 4).divide(BigDecimal.valueOf(4));
        BigDecimal low = sorted.get(index);
        if (fraction.signum() == 0) {
            return low;
        }
        return low.add(fraction.multiply(sorted.get(index + 1).subtract(low)));
    }
}
