package io.lodestar.segmentation.rfm;

import static io.lodestar.segmentation.rfm.Level.HIGH;
import static io.lodestar.segmentation.rfm.Level.LOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class RfmClassTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "HHH, IMPORTANT_VALUE, important-value, important value, 重要价值",
        "LHH, IMPORTANT_RETAIN, important-retain, important retain, 重要保持",
        "HLH, IMPORTANT_DEVELOP, important-develop, important develop, 重要发展",
        "LLH, IMPORTANT_WIN_BACK, important-win-back, important win-back, 重要挽留",
        "HHL, GENERAL_VALUE, general-value, general value, 一般价值",
        "LHL, GENERAL_RETAIN, general-retain, general retain, 一般保持",
        "HLL, GENERAL_DEVELOP, general-develop, general develop, 一般发展",
        "LLL, GENERAL_WIN_BACK, general-win-back, general win-back, 一般挽留",
    })
    void theGlossaryClasses(String code, RfmClass rfmClass, String wireName, String english, String chinese)
            throws JsonProcessingException {
        assertThat(rfmClass.code()).isEqualTo(code);
        assertThat(RfmClass.of(level(code, 0), level(code, 1), level(code, 2))).isEqualTo(rfmClass);
        assertThat(rfmClass.wireName()).isEqualTo(wireName);
        assertThat(rfmClass.displayName()).isEqualTo(english);
        assertThat(rfmClass.chineseName()).isEqualTo(chinese);
        assertThat(JSON.writeValueAsString(rfmClass)).isEqualTo('"' + wireName + '"');
        assertThat(JSON.readValue('"' + wireName + '"', RfmClass.class)).isEqualTo(rfmClass);
    }

    @Test
    void everyLevelCombinationHasItsOwnClass() {
        long distinct = Stream.of(HIGH, LOW).flatMap(r -> Stream.of(HIGH, LOW).flatMap(f -> Stream.of(HIGH, LOW)
                .map(m -> RfmClass.of(r, f, m)))).distinct().count();

        assertThat(distinct).isEqualTo(RfmClass.values().length).isEqualTo(8);
    }

    @Test
    void segmentsAndReasonsHaveWireNamesToo() throws JsonProcessingException {
        for (RfmSegment segment : RfmSegment.values()) {
            assertThat(JSON.writeValueAsString(segment)).isEqualTo('"' + segment.wireName() + '"');
        }
        assertThat(Arrays.stream(RfmSegment.values()).map(RfmSegment::displayName)).containsExactly("Champions", "Loyal",
                "Potential Loyalist", "New", "Promising", "Need Attention", "About to Sleep", "At Risk", "Can't Lose Them",
                "Hibernating", "Lost");
        assertThat(JSON.writeValueAsString(UnscoredReason.NEVER_PAID)).isEqualTo("\"never-paid\"");
        assertThat(JSON.writeValueAsString(Level.HIGH)).isEqualTo("\"high\"");
    }

    private static Level level(String code, int position) {
        return code.charAt(position) == 'H' ? HIGH : LOW;
    }
}
