package io.lodestar.customerprofile.bulkimport;

import java.util.List;

/**
 * A 64-bit fingerprint of a row's normalised values, so that duplicate detection keeps 8 bytes per row instead
 * of the row's text. FNV-1a over each value's length and characters (the length makes {@code ["ab","c"]} and
 * {@code ["a","bc"]} differ; null has its own marker), finished with the MurmurHash3 mixer to spread the bits.
 * Two distinct rows share a fingerprint with probability about 2⁻⁶⁴ per pair: over the 541,909 rows of Online
 * Retail the chance of any false duplicate is below 10⁻⁸.
 */
final class RowFingerprint {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final long NULL_MARKER = 0x9e3779b97f4a7c15L;

    private RowFingerprint() {
    }

    static long of(List<String> values) {
        long h = OFFSET;
        for (String value : values) {
            if (value == null) {
                h = (h ^ NULL_MARKER) * PRIME;
                continue;
            }
            h = (h ^ value.length()) * PRIME;
            for (int i = 0; i < value.length(); i++) {
                h = (h ^ value.charAt(i)) * PRIME;
            }
        }
        return mix(h);
    }

    /** MurmurHash3's fmix64. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
