package io.lodestar.recommendation.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.lodestar.recommendation.model.UserHistory;

class EvaluationSplitTest {

    private static final Instant DAY_0 = Instant.parse("2026-03-01T00:00:00Z");

    private static TimedInteraction on(int day, String customer, String item, float weight) {
        return new TimedInteraction(customer, item, weight, DAY_0.plus(day, ChronoUnit.DAYS));
    }

    /** Latest instant is day 10, so the last two days are the test period [day 8, day 10]. */
    private static final List<TimedInteraction> HISTORY = List.of(
            on(1, "c1", "i1", 1f), on(2, "c1", "i2", 1f),
            on(9, "c1", "i3", 1f),                             // new item in the test period: relevant
            on(9, "c1", "i1", 1f),                             // already had it in training: a repeat
            on(10, "c1", "i4", 1f), on(10, "c1", "i4", -1f),   // bought and refunded in the test period: not positive
            on(1, "c2", "i2", 1f),
            on(9, "c2", "i9", 1f),                             // item nobody had in training: unreachable
            on(10, "c3", "i1", 1f),                            // no training history: cold start
            on(3, "c4", "i3", 1f));                            // training only

    @Test
    void byTimeTrainsOnThePastAndJudgesOnTheLastDays() {
        EvaluationSplit split = EvaluationSplit.byTime(HISTORY, TimeSplit.lastDays(2));

        assertThat(split.training().customerIds()).containsExactly("c1", "c2", "c4");
        assertThat(split.training().itemIds()).containsExactly("i1", "i2", "i3");
        assertThat(UserHistory.ofRow(split.training(), 0).items()).containsExactly(0, 1);
        assertThat(split.relevant(0)).containsExactly(2);
        assertThat(split.relevant(1)).isEmpty();
        assertThat(split.evaluatedRows()).containsExactly(0);
        assertThat(split.trainingItemsExcluded()).isTrue();
        assertThat(split.summary()).isEqualTo(new SplitSummary(3, 1, 1, 1, 1, 1));
        assertThat(split.summary().coldStartShare()).isEqualTo(1.0 / 3);
        assertThat(split.summary().unreachableShare()).isEqualTo(1.0 / 3);
    }

    @Test
    void keepingRepeatsLeavesTrainingItemsRelevant() {
        EvaluationSplit split = EvaluationSplit.byTime(HISTORY, TimeSplit.lastDays(2).keepingRepeats());

        assertThat(split.relevant(0)).containsExactly(0, 2);
        assertThat(split.trainingItemsExcluded()).isFalse();
        assertThat(split.summary().excludedRepeatPairs()).isZero();
    }

    @Test
    void anExplicitCutStartsTheTestPeriodAndIgnoresWhatComesAfterIt() {
        EvaluationSplit split = EvaluationSplit.byTime(HISTORY, TimeSplit.lastDays(1).from(DAY_0.plus(2, ChronoUnit.DAYS)));

        // training = day 1; test = days 2..3: c1 buys i2 (new), c4 buys i3 with no training history
        assertThat(split.training().customerIds()).containsExactly("c1", "c2");
        assertThat(split.training().itemIds()).containsExactly("i1", "i2");
        assertThat(split.relevant(0)).containsExactly(1);
        assertThat(split.summary()).isEqualTo(new SplitSummary(2, 1, 1, 1, 0, 0));
    }

    @Test
    void leaveLastOutHoldsOutEachCustomersLatestPositiveItem() {
        List<TimedInteraction> history = List.of(
                on(1, "c1", "i1", 1f), on(3, "c1", "i2", 1f), on(5, "c1", "i1", 1f), // held out: i1 (both cells)
                on(1, "c2", "i2", 1f), on(2, "c2", "i3", -1f),                       // a later refund is not positive
                on(1, "c3", "i4", 1f),                                               // nothing left: cold start
                on(1, "c4", "i5", 1f), on(1, "c4", "i6", 1f),                        // tie: greater id i6, unknown
                on(1, "c5", "i1", 1f), on(2, "c5", "i2", 1f));

        EvaluationSplit split = EvaluationSplit.leaveLastOut(history);

        assertThat(split.training().customerIds()).containsExactly("c1", "c2", "c4", "c5");
        assertThat(split.training().itemIds()).containsExactly("i1", "i2", "i3", "i5");
        assertThat(UserHistory.ofRow(split.training(), 0).items()).containsExactly(1);
        assertThat(split.relevant(0)).containsExactly(0);
        assertThat(split.relevant(1)).containsExactly(1);
        assertThat(split.relevant(2)).isEmpty();
        assertThat(split.relevant(3)).containsExactly(1);
        assertThat(split.evaluatedRows()).containsExactly(0, 1, 3);
        assertThat(split.summary()).isEqualTo(new SplitSummary(5, 1, 3, 3, 1, 0));
    }

    @Test
    void theSameInteractionsInAnotherOrderGiveTheSameSplit() {
        List<TimedInteraction> reversed = new ArrayList<>(HISTORY);
        Collections.reverse(reversed);

        EvaluationSplit split = EvaluationSplit.byTime(reversed, TimeSplit.lastDays(2));

        assertThat(split.training().customerIds()).containsExactly("c1", "c2", "c4");
        assertThat(split.training().columns()).containsExactly(
                EvaluationSplit.byTime(HISTORY, TimeSplit.lastDays(2)).training().columns());
        assertThat(split.relevant(0)).containsExactly(2);
    }

    @Test
    void anEmptyHistoryGivesAnEmptySplit() {
        EvaluationSplit split = EvaluationSplit.byTime(List.of(), TimeSplit.lastDays(7));

        assertThat(split.training().customerCount()).isZero();
        assertThat(split.evaluatedRows()).isEmpty();
        assertThat(split.summary().coldStartShare()).isZero();
    }
}
