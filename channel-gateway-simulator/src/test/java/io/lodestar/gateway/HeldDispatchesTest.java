package io.lodestar.gateway;

import static io.lodestar.gateway.Messages.SEND_AT;
import static io.lodestar.gateway.Messages.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.lodestar.contracts.MessageChannel;

class HeldDispatchesTest {

    private static final TopicPartition P0 = new TopicPartition("dispatch", 0);
    private static final TopicPartition P1 = new TopicPartition("dispatch", 1);

    @Test
    void messagesComeOutWhenDueEarliestFirstAndInRecordOrderOnTies() {
        HeldDispatches held = new HeldDispatches();
        held.hold(P0, 7, message("late", MessageChannel.SMS, "c1", SEND_AT.plusSeconds(60), List.of()));
        held.hold(P0, 9, message("tie-b", MessageChannel.SMS, "c1", SEND_AT, List.of()));
        held.hold(P0, 8, message("tie-a", MessageChannel.SMS, "c1", SEND_AT, List.of()));

        assertThat(held.nextDue()).contains(SEND_AT);
        assertThat(held.takeDue(SEND_AT.minusMillis(1))).isEmpty();
        assertThat(held.takeDue(SEND_AT)).extracting(h -> h.message().messageId()).containsExactly("tie-a", "tie-b");
        assertThat(held.size()).isEqualTo(1);
        assertThat(held.nextDue()).contains(SEND_AT.plusSeconds(60));
        assertThat(held.takeDue(SEND_AT.plusSeconds(3600))).extracting(HeldDispatches.Held::offset).containsExactly(7L);
        assertThat(held.nextDue()).isEmpty();
    }

    @Test
    void releasingAPartitionDropsOnlyItsMessages() {
        HeldDispatches held = new HeldDispatches();
        held.hold(P0, 1, message("a", MessageChannel.EMAIL));
        held.hold(P1, 1, message("b", MessageChannel.EMAIL));
        held.hold(P0, 2, message("c", MessageChannel.EMAIL));

        assertThat(held.release(List.of(P0))).isEqualTo(2);
        assertThat(held.takeDue(SEND_AT)).extracting(h -> h.message().messageId()).containsExactly("b");
    }
}
