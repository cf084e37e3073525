package io.lodestar.segmentation.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WholeDaysTest {

    private static final Instant TO = Instant.parse("2025-06-01T00:00:00Z");

    @ParameterizedTest(name = "{0} is {1} whole days")
    @CsvSource({
        "PT0S, 0",
        "PT23H59M59.999999999S, 0",
        "PT24H, 1",
        "P89DT23H59M59.999999999S, 89",
        "P90D, 90",
        "P90DT0.000000001S, 90",
        "P14DT23H59M59S, 14",
        "P15D, 15",
    })
    void spansAreWholeDaysRoundedDown(Duration span, long days) {
        assertThat(WholeDays.between(TO.minus(span), TO)).isEqualTo(days);
    }

    @Test
    void afterIsTheInverseOfBetween() {
        Instant from = Instant.parse("2024-02-28T13:45:10.5Z");

        assertThat(WholeDays.after(from, 90)).isEqualTo(Instant.parse("2024-05-28T13:45:10.5Z"));
        assertThat(WholeDays.between(from, WholeDays.after(from, 90))).isEqualTo(90);
        assertThat(WholeDays.between(from, WholeDays.after(from, 90).minusNanos(1))).isEqualTo(89);
    }

    @Test
    void aNegativeSpanIsRejected() {
        assertThatThrownBy(() -> WholeDays.between(TO.plusNanos(1), TO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is after");
    }
}
