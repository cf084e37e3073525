package io.lodestar.segmentation.lifecycle;

import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.AS_OF;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.classify;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.daysAgo;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.ordersAt;
import static io.lodestar.segmentation.lifecycle.LifecycleFixtures.ordersDaysAgo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Stage boundaries under the default configuration (at risk 90, lapsed 180, new 30, won back 30). */
class LifecycleStageTest {

    @Test
    void aCustomerWithoutPaidOrdersIsAProspect() {
        LifecycleAssessment assessment = classify(OrderHistory.neverPaid("p"));

        assertThat(assessment.stage()).isEqualTo(LifecycleStage.PROSPECT);
        assertThat(assessment.stageReason()).isEqualTo("no paid order yet");
        assertThat(assessment.flags()).isEmpty();
    }

    @ParameterizedTest(name = "last order {0} days ago (the one before 60 days earlier) is {1}")
    @CsvSource({
        "0, ACTIVE",
        "89, ACTIVE",
        "90, AT_RISK",
        "91, AT_RISK",
        "179, AT_RISK",
        "180, LAPSED",
        "181, LAPSED",
        "400, LAPSED",
    })
    void recencyDecidesActiveAtRiskAndLapsed(long lastDaysAgo, LifecycleStage stage) {
        assertThat(classify(ordersDaysAgo("c", lastDaysAgo + 60, lastDaysAgo)).stage()).isEqualTo(stage);
    }

    @Test
    void theAtRiskDayStartsExactlyNinetyDaysAfterTheLastOrder() {
        OrderHistory oneNanoShort = ordersAt("c", daysAgo(300), AS_OF.minus(Duration.ofDays(90)).plusNanos(1));
        OrderHistory exactly = ordersAt("c", daysAgo(300), AS_OF.minus(Duration.ofDays(90)));

        assertThat(classify(oneNanoShort).stage()).isEqualTo(LifecycleStage.ACTIVE);
        assertThat(classify(oneNanoShort).stageReason()).isEqualTo("last paid order 89 days ago (at risk from 90)");
        assertThat(classify(exactly).stage()).isEqualTo(LifecycleStage.AT_RISK);
    }

    @Test
    void reasonsNameTheDaysAndTheThreshold() {
        assertThat(classify(ordersDaysAgo("c", 97)).stageReason()).isEqualTo("no paid order for 97 days (threshold 90)");
        assertThat(classify(ordersDaysAgo("c", 200)).stageReason()).isEqualTo("no paid order for 200 days (lapsed from 180)");
        assertThat(classify(ordersDaysAgo("c", 12)).stageReason()).isEqualTo("first paid order 12 days ago (new for 30 days)");
        assertThat(classify(ordersDaysAgo("c", 200, 40)).stageReason()).isEqualTo("last paid order 40 days ago (at risk from 90)");
        assertThat(classify(ordersDaysAgo("c", 200, 5)).stageReason())
                .isEqualTo("paid again 5 days ago after 195 days without a paid order (won back for 30 days)");
    }

    @ParameterizedTest(name = "first order {0} days ago is {1}")
    @CsvSource({
        "0, NEW",
        "29, NEW",
        "30, ACTIVE",
        "31, ACTIVE",
    })
    void newLastsThirtyDaysFromTheFirstOrder(long firstDaysAgo, LifecycleStage stage) {
        assertThat(classify(ordersDaysAgo("c", firstDaysAgo)).stage()).isEqualTo(stage);
        assertThat(classify(ordersDaysAgo("c", firstDaysAgo, 0)).stage()).as("with a second order today").isEqualTo(stage);
    }

    @ParameterizedTest(name = "gap {0} days before the order {1} days ago is {2}")
    @CsvSource({
        "89, 5, ACTIVE",
        "90, 5, WON_BACK",
        "91, 5, WON_BACK",
        "250, 5, WON_BACK",
        "90, 0, WON_BACK",
        "90, 29, WON_BACK",
        "90, 30, ACTIVE",
        "90, 31, ACTIVE",
    })
    void wonBackNeedsAnAtRiskGapAndLastsThirtyDaysFromTheReturn(long gap, long returnDaysAgo, LifecycleStage stage) {
        OrderHistory history = ordersDaysAgo("c", 400, returnDaysAgo + gap, returnDaysAgo);

        assertThat(classify(history).stage()).isEqualTo(stage);
    }

    @Test
    void aGapOneNanosecondShortOfNinetyDaysIsNoReturn() {
        OrderHistory history = ordersAt("c", daysAgo(300), daysAgo(100).plusNanos(1), daysAgo(10));

        assertThat(classify(history).stage()).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void ordersAfterTheReturnKeepTheCustomerWonBackUntilTheWindowEnds() {
        assertThat(classify(ordersDaysAgo("c", 300, 20, 3)).stage()).isEqualTo(LifecycleStage.WON_BACK);
        assertThat(classify(ordersDaysAgo("c", 300, 20, 3)).stageReason())
                .isEqualTo("paid again 20 days ago after 280 days without a paid order (won back for 30 days)");
        assertThat(classify(ordersDaysAgo("c", 300, 30, 3)).stage()).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void onlyAReturnInsideTheWindowCounts() {
        // the return 60 days ago is over; the recent orders are regular
        assertThat(classify(ordersDaysAgo("c", 300, 60, 40, 10)).stage()).isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void aWonBackCustomerWhoDriftsAwayAgainIsAtRisk() {
        assertThat(classify(ordersDaysAgo("c", 400, 95)).stage()).isEqualTo(LifecycleStage.AT_RISK);
    }

    @Test
    void aSmallerConfigurationMovesEveryBoundary() {
        LifecycleClassifier classifier = new LifecycleClassifier(new LifecycleConfig(60, 120, 14, 7, 10, 20));

        assertThat(classifier.classify(ordersDaysAgo("c", 200, 59), AS_OF, LifecycleFixtures.NO_BUYERS).stage())
                .isEqualTo(LifecycleStage.ACTIVE);
        assertThat(classifier.classify(ordersDaysAgo("c", 200, 60), AS_OF, LifecycleFixtures.NO_BUYERS).stage())
                .isEqualTo(LifecycleStage.AT_RISK);
        assertThat(classifier.classify(ordersDaysAgo("c", 200, 120), AS_OF, LifecycleFixtures.NO_BUYERS).stage())
                .isEqualTo(LifecycleStage.LAPSED);
        assertThat(classifier.classify(ordersDaysAgo("c", 13), AS_OF, LifecycleFixtures.NO_BUYERS).stage())
                .isEqualTo(LifecycleStage.NEW);
        assertThat(classifier.classify(ordersDaysAgo("c", 14), AS_OF, LifecycleFixtures.NO_BUYERS).stage())
                .isEqualTo(LifecycleStage.ACTIVE);
        assertThat(classifier.classify(ordersDaysAgo("c", 200, 6), AS_OF, LifecycleFixtures.NO_BUYERS).stage())
                .isEqualTo(LifecycleStage.WON_BACK);
        assertThat(classifier.classify(ordersDaysAgo("c", 200, 7), AS_OF, LifecycleFixtures.NO_BUYERS).stage())
                .isEqualTo(LifecycleStage.ACTIVE);
    }

    @Test
    void wireNamesAreSnakeCaseAndMatchTheJsonNames() throws NoSuchFieldException {
        assertThat(LifecycleStage.values()).extracting(LifecycleStage::wireName)
                .containsExactly("prospect", "new", "active", "at_risk", "lapsed", "won_back");
        for (LifecycleStage stage : LifecycleStage.values()) {
            assertThat(LifecycleStage.class.getField(stage.name()).getAnnotation(JsonProperty.class).value())
                    .isEqualTo(stage.wireName());
        }
        for (LifecycleFlag flag : LifecycleFlag.values()) {
            assertThat(LifecycleFlag.class.getField(flag.name()).getAnnotation(JsonProperty.class).value())
                    .isEqualTo(flag.wireName());
        }
        assertThat(LifecycleFlag.values()).extracting(LifecycleFlag::wireName)
                .containsExactly("new_customer_churn_risk", "high_potential");
    }
}
