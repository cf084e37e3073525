package io.lodestar.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PendingOffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("dispatch", 0);
    private static final TopicPartition P1 = new TopicPartition("dispatch", 1);

    @Test
    void aPartitionCommitsTheOffsetAfterItsLastRecordOnceAllAreAnswered() {
        PendingOffsets offsets = new PendingOffsets();
        offsets.read(P0, 10);
        offsets.read(P0, 11);
        assertThat(offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));

        offsets.answered(P0, 10);
        offsets.answered(P0, 11);

        assertThat(offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(12)));
    }

    @Test
    void aHeldRecordHoldsItsPartitionBackButNotTheOthers() {
        PendingOffsets offsets = new PendingOffsets();
        offsets.read(P0, 5); // held for a future sendAt
        offsets.read(P0, 6);
        offsets.read(P1, 40);
        offsets.answered(P0, 6);
        offsets.answered(P1, 40);

        assertThat(offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(5), P1, new OffsetAndMetadata(41)));

        offsets.answered(P0, 5);
        assertThat(offsets.committable(List.of(P0))).isEqualTo(Map.of(P0, new OffsetAndMetadata(7)));
    }

    @Test
    void onlyOffsetsThatMovedSinceTheLastCommitAreOffered() {
        PendingOffsets offsets = new PendingOffsets();
        offsets.read(P0, 0);
        offsets.answered(P0, 0);
        offsets.committed(offsets.committable());

        assertThat(offsets.committable()).isEmpty();

        offsets.read(P0, 1);
        assertThat(offsets.committable()).as("offset 1 is pending, 1 is already committed").isEmpty();
        offsets.answered(P0, 1);
        assertThat(offsets.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(2)));
    }

    @Test
    void aRevokedPartitionIsForgotten() {
        PendingOffsets offsets = new PendingOffsets();
        offsets.read(P0, 3);
        offsets.read(P1, 8);
        offsets.forget(List.of(P0));

        assertThat(offsets.committable()).isEqualTo(Map.of(P1, new OffsetAndMetadata(8)));
    }
}
