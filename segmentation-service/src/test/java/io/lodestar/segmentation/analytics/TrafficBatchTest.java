package io.lodestar.segmentation.analytics;

import static io.lodestar.segmentation.analytics.FunnelCounterTest.behaviour;
import static io.lodestar.segmentation.analytics.FunnelCounterTest.order;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.behaviour.BehaviourType;
import io.lodestar.segmentation.analytics.TrafficBatch.FunnelKey;

class TrafficBatchTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-05-04T00:00:00Z");
    private static final int EXPOSURE = FunnelStep.EXPOSURE.bit();
    private static final int CLICK = FunnelStep.CLICK.bit();
    private static final int PAY = FunnelStep.PAY.bit();

    @Test
    void windowsTileTheUtcDayFromMidnight() {
        Duration six = Duration.ofHours(6);
        assertThat(TrafficBatch.windowStart(MIDNIGHT, six)).isEqualTo(MIDNIGHT);
        assertThat(TrafficBatch.windowStart(at("05:59:59.999"), six)).isEqualTo(MIDNIGHT);
        assertThat(TrafficBatch.windowStart(at("06:00:00"), six)).isEqualTo(at("06:00:00"));
        assertThat(TrafficBatch.windowStart(at("23:59:59"), six)).isEqualTo(at("18:00:00"));
        assertThat(TrafficBatch.windowStart(at("23:59:59"), Duration.ofDays(1))).isEqualTo(MIDNIGHT);
        assertThat(TrafficBatch.windowStart(at("13:30:00"), Duration.ofHours(1))).isEqualTo(at("13:00:00"));
        // 90 minutes: 16 windows a day, the eleventh starts at 15:00
        assertThat(TrafficBatch.windowStart(at("16:29:00"), Duration.ofMinutes(90))).isEqualTo(at("15:00:00"));
        assertThat(TrafficBatch.windowStart(Instant.parse("2026-05-05T00:30:00Z"), Duration.ofHours(8)))
                .isEqualTo(Instant.parse("2026-05-05T00:00:00Z"));
    }

    @Test
    void aCustomerCountsOncePerStepPerWindowChannelAndCategory() {
        TrafficBatch batch = new TrafficBatch(ZoneId.of("UTC"), Duration.ofHours(6), Map.of());
        batch.add(behaviour("c-1", BehaviourType.PRODUCT_VIEW, Channel.APP, "shoes", at("01:00:00")));
        batch.add(behaviour("c-1", BehaviourType.PRODUCT_VIEW, Channel.APP, "shoes", at("05:00:00")));
        batch.add(behaviour("c-1", BehaviourType.CLICK, Channel.APP, "shoes", at("05:59:00")));
        batch.add(behaviour("c-1", BehaviourType.PRODUCT_VIEW, Channel.APP, "shoes", at("06:00:00")));
        batch.add(order("c-1", Channel.APP, at("07:00:00"), "shoes"));

        assertThat(batch.funnel()).containsOnly(
                Map.entry(new FunnelKey(MIDNIGHT, "app", "shoes", "c-1"), EXPOSURE | CLICK),
                Map.entry(new FunnelKey(at("06:00:00"), "app", "shoes", "c-1"), EXPOSURE | PAY));
    }

    @Test
    void aMergedIdCountsAsItsSurvivorEverywhere() {
        TrafficBatch batch = new TrafficBatch(ZoneId.of("UTC"), Duration.ofDays(1),
                Map.of("c-old", "c-new", "anon-1", "c-new"));
        batch.add(behaviour("c-old", BehaviourType.PRODUCT_VIEW, Channel.APP, "shoes", at("09:00:00")));
        batch.add(behaviour("c-new", BehaviourType.CLICK, Channel.APP, "shoes", at("09:05:00")));
        batch.add(behaviour("anon-1", true, BehaviourType.PAGE_VIEW, Channel.WEB, null, at("08:00:00")));
        batch.add(order("c-old", Channel.APP, at("10:00:00"), "shoes"));
        batch.add(behaviour("c-other", BehaviourType.PRODUCT_VIEW, Channel.APP, "shoes", at("09:00:00")));

        assertThat(batch.funnel()).containsOnly(
                Map.entry(new FunnelKey(MIDNIGHT, "app", "shoes", "c-new"), EXPOSURE | CLICK | PAY),
                Map.entry(new FunnelKey(MIDNIGHT, "app", "shoes", "c-other"), EXPOSURE));
        assertThat(batch.firstSeen().keySet()).extracting(TrafficBatch.VisitorScope::visitorId)
                .containsOnly("c-new", "c-other");
        assertThat(batch.touches()).containsEntry(new TrafficBatch.CustomerDay("c-new", TrafficBatch.utcDay(MIDNIGHT)),
                new TrafficBatch.Touch(at("09:00:00"), "app")); // the anonymous page view is no touch
        assertThat(batch.paidOrders().values()).extracting(TrafficBatch.PaidOrder::customerId).containsOnly("c-new");
        assertThat(batch.dailyVisitors().values()).allSatisfy(visitors -> assertThat(visitors)
                .doesNotContain("c-old", "anon-1"));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-05-04T" + time + "Z");
    }
}
