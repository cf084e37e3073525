package io.lodestar.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypeTest {

    private static final Set<String> NOT_CUSTOMER_SCOPED = Set.of("product.trending", "alert.raised", "alert.resolved");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void topicIsAKnownTopic(EventType type) {
        assertThat(Topics.all()).extracting(Topics.TopicSpec::name).contains(type.topic());
    }

    @Test
    void everyTopicCarriesAtLeastOneEventType() {
        Set<String> used = Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet());

        assertThat(Topics.all()).extracting(Topics.TopicSpec::name).allMatch(used::contains);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void lookupsFindTheType(EventType type) {
        assertThat(EventType.byTypeName(type.typeName())).contains(type);
        assertThat(EventType.of(type.payloadType())).isSameAs(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaResourceIsOnTheClasspath(EventType type) {
        assertThat(type.schemaResource()).isEqualTo("/schemas/" + type.typeName() + ".v1.json");
        assertThat(EventType.class.getResource(type.schemaResource())).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadIsARecordInTheTopicsPackage(EventType type) {
        assertThat(type.payloadType().isRecord()).isTrue();
        assertThat(type.payloadType().getPackageName()).startsWith("io.lodestar.contracts.");
        assertThat(type.schemaVersion()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void onlyTrendsAndAlertsAreNotCustomerScoped(EventType type) {
        assertThat(type.customerScoped()).isEqualTo(!NOT_CUSTOMER_SCOPED.contains(type.typeName()));
    }

    @Test
    void unknownNamesAndClassesAreNotTypes() {
        assertThat(EventType.byTypeName("order.teleported")).isEmpty();
        assertThat(EventType.byTypeName(null)).isEmpty();
        assertThatThrownBy(() -> EventType.of(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
