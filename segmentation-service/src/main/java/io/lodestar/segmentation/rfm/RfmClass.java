package io.lodestar.segmentation.rfm;

import static io.lodestar.segmentation.rfm.Level.HIGH;
import static io.lodestar.segmentation.rfm.Level.LOW;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The 8 classic RFM classes of the threshold scheme, one per High/Low combination, coded in R-F-M order ({@code HLH} is
 * recent, infrequent, high spend). "Important" classes are the High-monetary half. Names as in shared/DESIGN.md, with the
 * Chinese names operators in that market know them by.
 */
public enum RfmClass implements RfmGroup {
    @JsonProperty("important-value") IMPORTANT_VALUE(HIGH, HIGH, HIGH, "important-value", "important value", "重要价值"),
    @JsonProperty("important-retain") IMPORTANT_RETAIN(LOW, HIGH, HIGH, "important-retain", "important retain", "重要保持"),
    @JsonProperty("important-develop") IMPORTANT_DEVELOP(HIGH, LOW, HIGH, "important-develop", "important develop", "重要发展"),
    @JsonProperty("important-win-back") IMPORTANT_WIN_BACK(LOW, LOW, HIGH, "important-win-back", "important win-back", "重要挽留"),
    @JsonProperty("general-value") GENERAL_VALUE(HIGH, HIGH, LOW, "general-value", "general value", "一般价值"),
    @JsonProperty("general-retain") GENERAL_RETAIN(LOW, HIGH, LOW, "general-retain", "general retain", "一般保持"),
    @JsonProperty("general-develop") GENERAL_DEVELOP(HIGH, LOW, LOW, "general-develop", "general develop", "一般发展"),
    @JsonProperty("general-win-back") GENERAL_WIN_BACK(LOW, LOW, LOW, "general-win-back", "general win-back", "一般挽留");

    /** Indexed by the ordinals of the R, F and M levels. */
    private static final RfmClass[][][] BY_LEVELS = new RfmClass[2][2][2];

    static {
        for (RfmClass c : values()) {
            BY_LEVELS[c.recency.ordinal()][c.frequency.ordinal()][c.monetary.ordinal()] = c;
        }
    }

    private final Level recency;
    private final Level frequency;
    private final Level monetary;
    private final String code;
    private final String wireName;
    private final String englishName;
    private final String chineseName;

    RfmClass(Level recency, Level frequency, Level monetary, String wireName, String englishName, String chineseName) {
        this.recency = recency;
        this.frequency = frequency;
        this.monetary = monetary;
        this.code = new String(new char[] {recency.letter(), frequency.letter(), monetary.letter()});
        this.wireName = wireName;
        this.englishName = englishName;
        this.chineseName = chineseName;
    }

    /** The class of a High/Low combination; every combination has exactly one. */
    public static RfmClass of(Level recency, Level frequency, Level monetary) {
        return BY_LEVELS[recency.ordinal()][frequency.ordinal()][monetary.ordinal()];
    }

    /** R-F-M letters, e.g. {@code HLH}. */
    public String code() {
        return code;
    }

    public Level recency() {
        return recency;
    }

    public Level frequency() {
        return frequency;
    }

    public Level monetary() {
        return monetary;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The English name, e.g. "important develop". */
    @Override
    public String displayName() {
        return englishName;
    }

    /** The Chinese name, e.g. 重要发展. */
    public String chineseName() {
        return chineseName;
    }
}
