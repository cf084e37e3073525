package io.lodestar.segmentation.rfmmodel;

import java.math.BigDecimal;

/**
 * One customer's RFM under a model, from the latest run: R in whole days, F paid orders, M net spend; the scores; the
 * class (threshold scheme, e.g. {@code important-develop}) or segment (quintile scheme) and its code ({@code HLH} or
 * {@code R5F3M4}).
 */
public record RfmScoreView(String customerId, int recencyDays, int frequency, BigDecimal monetary, int recencyScore,
        int frequencyScore, int monetaryScore, String code, String group) {

    static final String CSV_HEADER = "customerId,recency,frequency,monetary,recencyScore,frequencyScore,monetaryScore,"
            + "code,class\n";

    String csvLine() {
        return csv(customerId) + "," + recencyDays + "," + frequency + "," + monetary.toPlainString() + ","
                + recencyScore + "," + frequencyScore + "," + monetaryScore + "," + code + "," + group + "\n";
    }

    /** RFC 4180 quoting: customer ids are the only free text in a line. */
    private static String csv(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
