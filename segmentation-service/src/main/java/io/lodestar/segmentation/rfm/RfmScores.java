package io.lodestar.segmentation.rfm;

/**
 * The per-dimension scores of one customer: 1–4 under the threshold scheme, 1–5 under the quintile scheme, higher always
 * better (so a high recency score means a recent order). There are only 125 possible triples, so {@link #of} returns
 * shared instances and scoring a million customers allocates no score objects.
 */
public record RfmScores(int recency, int frequency, int monetary) {

    private static final int MAX = Quintiles.COUNT;
    private static final RfmScores[] SHARED = new RfmScores[MAX * MAX * MAX];
    private static final String[] CODES = new String[MAX * MAX * MAX];

    static {
        for (int r = 1; r <= MAX; r++) {
            for (int f = 1; f <= MAX; f++) {
                for (int m = 1; m <= MAX; m++) {
                    SHARED[index(r, f, m)] = new RfmScores(r, f, m);
                    CODES[index(r, f, m)] = "R" + r + "F" + f + "M" + m;
                }
            }
        }
    }

    public RfmScores {
        requireScore("recency", recency);
        requireScore("frequency", frequency);
        requireScore("monetary", monetary);
    }

    /** The shared instance for these scores. */
    public static RfmScores of(int recency, int frequency, int monetary) {
        requireScore("recency", recency);
        requireScore("frequency", frequency);
        requireScore("monetary", monetary);
        return SHARED[index(recency, frequency, monetary)];
    }

    /** The cell code, e.g. {@code R5F4M4}. */
    public String code() {
        return CODES[index(recency, frequency, monetary)];
    }

    private static int index(int r, int f, int m) {
        return ((r - 1) * MAX + (f - 1)) * MAX + (m - 1);
    }

    private static void requireScore(String dimension, int score) {
        if (score < 1 || score > MAX) {
            throw new IllegalArgumentException(dimension + " score must be 1 to " + MAX + ", was " + score);
        }
    }
}
