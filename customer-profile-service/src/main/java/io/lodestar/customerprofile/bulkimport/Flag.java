package io.lodestar.customerprofile.bulkimport;

/** A remark on an accepted record: imported as it is, but worth a look, and counted in the decisions. */
public enum Flag {
    /**
     * Unit price exactly 0. Accepted, because a free line is real data for item statistics (samples, gifts,
     * manual adjustments) and contributes nothing to spend either way; flagged so that analyses of prices or
     * baskets can leave it out.
     */
    ZERO_PRICE
}
