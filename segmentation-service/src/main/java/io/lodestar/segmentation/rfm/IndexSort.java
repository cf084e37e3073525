package io.lodestar.segmentation.rfm;

/**
 * A stable merge sort of {@code int} indices by a caller-defined order: O(n log n), one scratch array, and none of the
 * per-element boxing that sorting {@code Integer}s with a {@code Comparator} would cost a million-customer run. Stability
 * is what the quintile tie rule rests on: sorting indices already in customerId order keeps equal values in that order.
 */
final class IndexSort {

    /** Order of two indices, as {@link java.util.Comparator#compare}. */
    @FunctionalInterface
    interface IndexOrder {
        int compare(int a, int b);
    }

    private static final int INSERTION_SORT_MAX = 32;

    private IndexSort() {
    }

    /** {@code 0, 1, …, size − 1}. */
    static int[] identity(int size) {
        int[] indices = new int[size];
        for (int i = 0; i < size; i++) {
            indices[i] = i;
        }
        return indices;
    }

    /** Sorts {@code indices} in place by {@code order}, keeping indices that compare equal in their current order. */
    static void sort(int[] indices, IndexOrder order) {
        int[] scratch = indices.clone();
        mergeSort(scratch, indices, 0, indices.length, order);
    }

    /** Sorts {@code src[low, high)} into {@code dest[low, high)}; both must hold the same elements on entry. */
    private static void mergeSort(int[] src, int[] dest, int low, int high, IndexOrder order) {
        if (high - low <= INSERTION_SORT_MAX) {
            for (int i = low + 1; i < high; i++) {
                int moving = dest[i];
                int j = i;
                while (j > low && order.compare(dest[j - 1], moving) > 0) {
                    dest[j] = dest[j - 1];
                    j--;
                }
                dest[j] = moving;
            }
            return;
        }
        int mid = (low + high) >>> 1;
        mergeSort(dest, src, low, mid, order);
        mergeSort(dest, src, mid, high, order);
        if (order.compare(src[mid - 1], src[mid]) <= 0) {
            System.arraycopy(src, low, dest, low, high - low);
            return;
        }
        for (int i = low, p = low, q = mid; i < high; i++) {
            if (q >= high || (p < mid && order.compare(src[p], src[q]) <= 0)) {
                dest[i] = src[p++];
            } else {
                dest[i] = src[q++];
            }
        }
    }
}
