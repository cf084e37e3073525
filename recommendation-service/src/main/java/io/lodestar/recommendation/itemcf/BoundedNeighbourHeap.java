package io.lodestar.recommendation.itemcf;

/**
 * Keeps the N most similar candidates of one item while the candidates stream by, in O(log N) per candidate and
 * without sorting all of them: a min-heap whose root is the weakest neighbour kept so far.
 *
 * <p>The order is total, so the result never depends on the order candidates arrive in (and hence not on the number of
 * threads): higher similarity first, and on equal similarity the lower item index first. Reused across items by one
 * training thread; not thread-safe.
 */
final class BoundedNeighbourHeap {

    private final int capacity;
    private final int[] items;
    private final float[] similarities;
    private int size;

    BoundedNeighbourHeap(int capacity) {
        this.capacity = capacity;
        this.items = new int[capacity];
        this.similarities = new float[capacity];
    }

    void offer(int item, float similarity) {
        if (size < capacity) {
            items[size] = item;
            similarities[size] = similarity;
            siftUp(size++);
        } else if (ranksBefore(item, similarity, items[0], similarities[0])) {
            items[0] = item;
            similarities[0] = similarity;
            siftDown(0);
        }
    }

    /** Writes the kept neighbours, best first, into fresh arrays and empties the heap. */
    Neighbours drain() {
        int count = size;
        int[] sortedItems = new int[count];
        float[] sortedSimilarities = new float[count];
        // The root is always the weakest one left: pop it into the last free slot.
        for (int slot = count - 1; slot >= 0; slot--) {
            sortedItems[slot] = items[0];
            sortedSimilarities[slot] = similarities[0];
            size--;
            if (size > 0) {
                items[0] = items[size];
                similarities[0] = similarities[size];
                siftDown(0);
            }
        }
        return new Neighbours(sortedItems, sortedSimilarities);
    }

    /** True if candidate a is a better neighbour than candidate b. */
    private static boolean ranksBefore(int itemA, float similarityA, int itemB, float similarityB) {
        if (similarityA != similarityB) {
            return similarityA > similarityB;
        }
        return itemA < itemB;
    }

    private void siftUp(int at) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            // min-heap on "rank": the worse candidate goes up
            if (!ranksBefore(items[parent], similarities[parent], items[at], similarities[at])) {
                return;
            }
            swap(at, parent);
            at = parent;
        }
    }

    private void siftDown(int at) {
        while (true) {
            int left = 2 * at + 1;
            if (left >= size) {
                return;
            }
            int worse = left;
            int right = left + 1;
            if (right < size && ranksBefore(items[worse], similarities[worse], items[right], similarities[right])) {
                worse = right;
            }
            if (!ranksBefore(items[at], similarities[at], items[worse], similarities[worse])) {
                return;
            }
            swap(at, worse);
            at = worse;
        }
    }

    private void swap(int a, int b) {
        int item = items[a];
        items[a] = items[b];
        items[b] = item;
        float similarity = similarities[a];
        similarities[a] = similarities[b];
        similarities[b] = similarity;
    }

    /** One item's neighbour list, best first. */
    record Neighbours(int[] items, float[] similarities) {
    }
}
