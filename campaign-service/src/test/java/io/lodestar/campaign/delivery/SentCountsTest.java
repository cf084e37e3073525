package io.lodestar.campaign.delivery;

import static io.lodestar.contracts.MessageChannel.APP_PUSH;
import static io.lodestar.contracts.MessageChannel.EMAIL;
import static io.lodestar.contracts.MessageChannel.SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class SentCountsTest {

    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);
    private static final LocalDate TUESDAY = LocalDate.of(2024, 3, 5);
    private static final LocalDate SUNDAY = LocalDate.of(2024, 3, 10);

    private final SentCounts counts = SentCounts.of(List.of(
            new SentCounts.Row(SMS, MONDAY, 2),
            new SentCounts.Row(APP_PUSH, MONDAY, 3),
            new SentCounts.Row(SMS, SUNDAY, 1),
            new SentCounts.Row(SMS, MONDAY, 4))); // same channel and day as the first: adds up to 6

    @Test
    void countsPerChannelAndDayAddingDuplicateRows() {
        assertThat(counts.count(SMS, MONDAY)).isEqualTo(6);
        assertThat(counts.count(APP_PUSH, MONDAY)).isEqualTo(3);
        assertThat(counts.count(SMS, TUESDAY)).isZero();
        assertThat(counts.count(EMAIL, MONDAY)).isZero();
    }

    @Test
    void totalsAddAllChannels() {
        assertThat(counts.total(MONDAY)).isEqualTo(9);
        assertThat(counts.total(SUNDAY)).isEqualTo(1);
        assertThat(counts.total(MONDAY, SUNDAY)).isEqualTo(10);
        assertThat(counts.count(SMS, MONDAY, SUNDAY)).isEqualTo(7);
        assertThat(counts.count(SMS, TUESDAY, SUNDAY)).isEqualTo(1);
    }

    @Test
    void daysOutsideTheLoadedRangeCountZero() {
        assertThat(counts.count(SMS, MONDAY.minusDays(1))).isZero();
        assertThat(counts.total(SUNDAY.plusDays(1))).isZero();
        // A range reaching past both ends sums only what is loaded.
        assertThat(counts.total(MONDAY.minusDays(30), SUNDAY.plusDays(30))).isEqualTo(10);
        assertThat(SentCounts.none().total(MONDAY, SUNDAY)).isZero();
        assertThat(SentCounts.builder().build().count(SMS, MONDAY)).isZero();
    }

    @Test
    void builderAndRowsGiveTheSameCounts() {
        SentCounts built = SentCounts.builder().add(SMS, MONDAY, 2).add(APP_PUSH, MONDAY, 3).add(SMS, SUNDAY, 1)
                .add(SMS, MONDAY, 4).build();

        for (LocalDate day = MONDAY; !day.isAfter(SUNDAY); day = day.plusDays(1)) {
            assertThat(built.count(SMS, day)).isEqualTo(counts.count(SMS, day));
            assertThat(built.total(day)).isEqualTo(counts.total(day));
        }
        assertThat(built).hasToString("SentCounts[APP_PUSH@2024-03-04=3, SMS@2024-03-04=6, SMS@2024-03-10=1]");
    }

    @Test
    void refusesBadRowsWithReadableMessages() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SentCounts.Row(SMS, MONDAY, -1))
                .withMessage("sent count must not be negative, was -1");
        assertThatIllegalArgumentException().isThrownBy(() -> new SentCounts.Row(null, MONDAY, 1))
                .withMessage("sent-count channel must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> SentCounts.of(Arrays.asList((SentCounts.Row) null)))
                .withMessage("sent-count rows must not contain null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> SentCounts.builder().add(SMS, MONDAY, 1).add(SMS, MONDAY.plusDays(400), 1).build())
                .withMessageContaining("span 401 days");
    }
}
