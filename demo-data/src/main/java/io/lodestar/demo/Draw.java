package io.lodestar.demo;

import java.util.Random;

/** Weighted draws, the one way the demo shop picks among alternatives. */
final class Draw {

    private Draw() {
    }

    /** An index of {@code weights}, each drawn with a chance proportional to its weight. */
    static int index(int[] weights, Random random) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
