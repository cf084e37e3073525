package io.lodestar.segmentation.rfm;

import com.fasterxml.jackson.annotation.JsonProperty;

/** High or Low on one RFM dimension of the threshold scheme; its letter builds class codes such as {@code HLH}. */
public enum Level {
    @JsonProperty("high") HIGH('H'),
    @JsonProperty("low") LOW('L');

    private final char letter;

    Level(char letter) {
        this.letter = letter;
    }

    /** {@code H} or {@code L}. */
    public char letter() {
        return letter;
    }
}
