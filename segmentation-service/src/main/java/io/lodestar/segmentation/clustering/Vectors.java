package io.lodestar.segmentation.clustering;

import java.util.ArrayList;
import java.util.List;

/** Small vector helpers shared by the metrics, so every distance in the package is computed the same way. */
final class Vectors {

    private Vectors() {
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double difference = a[j] - b[j];
            sum += difference * difference;
        }
        return sum;
    }

    static double distance(double[] a, double[] b) {
        return Math.sqrt(squaredDistance(a, b));
    }

    /** Index of the centroid nearest to {@code point}; ties go to the lower index. */
    static int nearest(double[] point, double[][] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double distance = squaredDistance(point, centroids[c]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return List.copyOf(list);
    }

    static double[] toArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int j = 0; j < array.length; j++) {
            array[j] = values.get(j);
        }
        return array;
    }
}
