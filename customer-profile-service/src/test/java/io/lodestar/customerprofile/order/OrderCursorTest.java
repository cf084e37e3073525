package io.lodestar.customerprofile.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.lodestar.platform.problem.InvalidInputException;

class OrderCursorTest {

    @Test
    void aCursorRoundTripsEvenWithOddOrderIds() {
        OrderCursor cursor = new OrderCursor(Instant.parse("2026-11-23T10:15:30.123456Z"), "order/ä 1\n2");
        String encoded = cursor.encode();

        assertThat(encoded).matches("[A-Za-z0-9_-]+");
        assertThat(OrderCursor.decode(encoded)).isEqualTo(cursor);
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertThat(OrderCursor.decode(null)).isNull();
        assertThat(OrderCursor.decode("")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "bm8tc2VwYXJhdG9y", "eWVzdGVyZGF5CmlkLTE", "MjAyNi0xMS0yM1QxMDoxNTozMFoK"})
    void anythingElseIsInvalidInputNamingTheCursor(String cursor) {
        assertThatThrownBy(() -> OrderCursor.decode(cursor))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("cursor"));
    }
}
