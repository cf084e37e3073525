package io.lodestar.contracts.customer;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerUpsertedTest {

    private static final Instant AT = Instant.parse("2024-11-11T02:15:30Z");

    @Test
    void absentCollectionsAreEmpty() {
        CustomerUpserted customer = customer(null);

        assertThat(customer.consents()).isEmpty();
        assertThat(customer.attributes()).isEmpty();
    }

    @Test
    void attributesAreAnUnmodifiableCopyThatKeepsNullValues() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("nickname", null);
        CustomerUpserted customer = customer(attributes);

        attributes.put("late", 1);

        assertThat(customer.attributes()).containsOnlyKeys("nickname");
        assertThatThrownBy(() -> customer.attributes().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static CustomerUpserted customer(Map<String, Object> attributes) {
        return new CustomerUpserted("c-1", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, attributes, AT);
    }
}
