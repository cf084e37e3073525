package io.lodestar.bench.als;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates the ALS benchmark's data set from a seed: customers with latent tastes over item topics, so there is
 * something to learn, and a power-law item popularity, so there is a head and a long tail.
 * <ul>
 *   <li>each item has one topic (of {@code TOPICS}) and a Zipf popularity {@code 1/(r+10)^0.9} of a random rank r;</li>
 *   <li>each customer likes 1–3 topics (random weights); an interaction picks, with probability 0.8, one of their
 *       topics and then an item of that topic by popularity, otherwise any item by popularity (taste noise);</li>
 *   <li>a customer makes a log-normal number of such draws (median 210, σ 0.8, 5–1,000: about 800,000 distinct
 *       cells at 6,000 × 3,000); repeated draws of an item add up to its weight (repeat purchases), and 3 % of a
 *       customer's items become a refund (weight −1);</li>
 *   <li>held out: 20 % of each customer's positive items (at least one when they have five or more), at random; the
 *       rest, refunds included, is training.</li>
 * </ul>
 * <pre>java io.lodestar.bench.als.MakeInteractions FILE CUSTOMERS ITEMS SEED</pre>
 */
public final class MakeInteractions {

    private static final int TOPICS = 24;
    private static final double TASTE_SHARE = 0.8;
    private static final double REFUND_SHARE = 0.03;
    private static final double HELD_OUT_SHARE = 0.2;

    private MakeInteractions() {
    }

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[0]);
        int customers = Integer.parseInt(args[1]);
        int items = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        InteractionFile data = generate(customers, items, seed);
        data.write(path);
        System.out.printf("wrote %s: %d customers x %d items, %d training cells (%d positive), %d held out%n", path,
                customers, items, data.trainCustomer.length, data.positiveTrainCells(), data.testCustomer.length);
    }

    static InteractionFile generate(int customers, int items, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] topicOf = new int[items];
        double[] popularity = new double[items];
        int[] popularityRank = shuffled(items, random);
        for (int item = 0; item < items; item++) {
            topicOf[item] = random.nextInt(TOPICS);
            popularity[item] = 1.0 / Math.pow(popularityRank[item] + 10, 0.9);
        }
        double[] overall = cumulative(popularity, null, -1);
        double[][] byTopic = new double[TOPICS][];
        for (int topic = 0; topic < TOPICS; topic++) {
            byTopic[topic] = cumulative(popularity, topicOf, topic);
        }

        IntList trainCustomer = new IntList();
        IntList trainItem = new IntList();
        FloatList trainWeight = new FloatList();
        IntList testCustomer = new IntList();
        IntList testItem = new IntList();
        int[] counts = new int[items];
        for (int customer = 0; customer < customers; customer++) {
            int liked = 1 + random.nextInt(3);
            int[] topics = new int[liked];
            double[] topicWeights = new double[liked];
            for (int k = 0; k < liked; k++) {
                topics[k] = random.nextInt(TOPICS);
                topicWeights[k] = 0.2 + random.nextDouble();
            }
            double[] topicCumulative = cumulative(topicWeights, null, -1);
            int draws = (int) Math.round(Math.exp(Math.log(210) + 0.8 * random.nextGaussian()));
            draws = Math.max(5, Math.min(1_000, draws));
            Arrays.fill(counts, 0);
            for (int draw = 0; draw < draws; draw++) {
                double[] pick = random.nextDouble() < TASTE_SHARE
                        ? byTopic[topics[sample(topicCumulative, random)]]
                        : overall;
                counts[sample(pick, random)]++;
            }
            IntList positives = new IntList();
            for (int item = 0; item < items; item++) {
                if (counts[item] == 0) {
                    continue;
                }
                if (random.nextDouble() < REFUND_SHARE) {
                    trainCustomer.add(customer);
                    trainItem.add(item);
                    trainWeight.add(-1f);
                } else {
                    positives.add(item);
                }
            }
            int[] order = shuffled(positives.size, random);
            int heldOut = positives.size >= 5 ? Math.max(1, (int) Math.round(HELD_OUT_SHARE * positives.size)) : 0;
            for (int k = 0; k < positives.size; k++) {
                int item = positives.values[order[k]];
                if (k < heldOut) {
                    testCustomer.add(customer);
                    testItem.add(item);
                } else {
                    trainCustomer.add(customer);
                    trainItem.add(item);
                    trainWeight.add(counts[item]);
                }
            }
        }
        return new InteractionFile(customers, items, trainCustomer.toArray(), trainItem.toArray(),
                trainWeight.toArray(), testCustomer.toArray(), testItem.toArray());
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int other = random.nextInt(k + 1);
            int swap = order[k];
            order[k] = order[other];
            order[other] = swap;
        }
        return order;
    }

    /** Running sums of {@code weights} (only of entries whose {@code topicOf} is {@code topic}, unless null). */
    private static double[] cumulative(double[] weights, int[] topicOf, int topic) {
        double[] sums = new double[weights.length];
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            if (topicOf == null || topicOf[k] == topic) {
                sum += weights[k];
            }
            sums[k] = sum;
        }
        return sums;
    }

    /** An index drawn with probability proportional to its step in the running sums. */
    private static int sample(double[] cumulative, SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int at = Arrays.binarySearch(cumulative, target);
        at = at >= 0 ? at : -at - 1;
        // An exact hit on a running sum belongs to the next entry with weight (the ranges are half-open).
        while (at < cumulative.length - 1 && cumulative[at] <= target) {
            at++;
        }
        return at;
    }

    private static final class IntList {
        int[] values = new int[1024];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    private static final class FloatList {
        float[] values = new float[1024];
        int size;

        void add(float value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
