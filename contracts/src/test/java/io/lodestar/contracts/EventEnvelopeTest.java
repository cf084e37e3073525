package io.lodestar.contracts;

import io.lodestar.contracts.identity.CustomerErased;
import io.lodestar.contracts.product.ItemTrending;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventEnvelopeTest {

    private final CustomerErased erased = new CustomerErased("c-1", EventSamples.AT, null);

    @Test
    void ofFillsIdTimeTypeAndVersion() {
        Instant before = Instant.now();

        EventEnvelope<CustomerErased> event = EventEnvelope.of(EventType.IDENTITY_ERASED, "profile", "c-1", erased);

        assertThat(event.eventId()).isNotNull();
        assertThat(event.occurredAt()).isBetween(before, Instant.now());
        assertThat(event.type()).isEqualTo("identity.erased");
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.producer()).isEqualTo("profile");
        assertThat(event.customerId()).isEqualTo("c-1");
        assertThat(event.payload()).isSameAs(erased);
    }

    @Test
    void everyNewEventHasItsOwnId() {
        EventEnvelope<CustomerErased> first = EventEnvelope.of(EventType.IDENTITY_ERASED, "profile", "c-1", erased);
        EventEnvelope<CustomerErased> second = EventEnvelope.of(EventType.IDENTITY_ERASED, "profile", "c-1", erased);

        assertThat(first.eventId()).isNotEqualTo(second.eventId());
    }

    @Test
    void ofRefusesAPayloadOfAnotherType() {
        assertThatThrownBy(() -> EventEnvelope.of(EventType.ORDER_PAID, "profile", "c-1", erased))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrderPaid");
    }

    @Test
    void ofRefusesACustomerScopedEventWithoutCustomer() {
        assertThatThrownBy(() -> EventEnvelope.of(EventType.IDENTITY_ERASED, "profile", null, erased))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customerId");
    }

    @Test
    void eventsNotAboutOneCustomerHaveNoCustomerId() {
        ItemTrending trending = new ItemTrending("sku-1", null, 1, 2, 24, EventSamples.AT);

        assertThat(EventEnvelope.of(EventType.PRODUCT_TRENDING, "reco", null, trending).customerId()).isNull();
    }

    @Test
    void requiredFieldsAreCheckedByName() {
        assertThatThrownBy(() -> new EventEnvelope<>(null, "identity.erased", 1, EventSamples.AT, "p", "c-1", erased))
                .isInstanceOf(NullPointerException.class).hasMessage("eventId");
        assertThatThrownBy(() -> new EventEnvelope<>(EventSamples.EVENT_ID, null, 1, EventSamples.AT, "p", "c-1", erased))
                .isInstanceOf(NullPointerException.class).hasMessage("type");
        assertThatThrownBy(() -> new EventEnvelope<>(EventSamples.EVENT_ID, "identity.erased", 1, null, "p", "c-1", erased))
                .isInstanceOf(NullPointerException.class).hasMessage("occurredAt");
        assertThatThrownBy(() -> new EventEnvelope<>(EventSamples.EVENT_ID, "identity.erased", 1, EventSamples.AT, null, "c-1", erased))
                .isInstanceOf(NullPointerException.class).hasMessage("producer");
        assertThatThrownBy(() -> new EventEnvelope<>(EventSamples.EVENT_ID, "identity.erased", 1, EventSamples.AT, "p", "c-1", null))
                .isInstanceOf(NullPointerException.class).hasMessage("payload");
    }

    @Test
    void schemaVersionStartsAtOne() {
        assertThatThrownBy(() -> new EventEnvelope<>(EventSamples.EVENT_ID, "identity.erased", 0, EventSamples.AT, "p", "c-1", erased))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schemaVersion");
    }
}
