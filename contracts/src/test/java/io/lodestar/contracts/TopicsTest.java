package io.lodestar.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    @Test
    void deadLetterTopicAppendsDlq() {
        assertThat(Topics.deadLetter(Topics.ORDERS)).isEqualTo("lodestar.orders.v1.dlq");
    }

    @Test
    void allListsEveryTopicOnceWithItsSettings() {
        assertThat(Topics.all()).containsExactly(
                new Topics.TopicSpec("lodestar.customers.v1", true, 3),
                new Topics.TopicSpec("lodestar.customer-events.v1", false, 6),
                new Topics.TopicSpec("lodestar.orders.v1", false, 6),
                new Topics.TopicSpec("lodestar.identity.v1", false, 3),
                new Topics.TopicSpec("lodestar.segment-membership.v1", false, 3),
                new Topics.TopicSpec("lodestar.product-trends.v1", false, 3),
                new Topics.TopicSpec("lodestar.campaign-dispatch.v1", false, 3),
                new Topics.TopicSpec("lodestar.campaign-feedback.v1", false, 3),
                new Topics.TopicSpec("lodestar.alerts.v1", false, 3));
    }

    @Test
    void everyTopicNameIsVersioned() {
        assertThat(Topics.all()).extracting(Topics.TopicSpec::name).allMatch(name -> name.matches("lodestar\\.[a-z-]+\\.v\\d+"));
    }
}
