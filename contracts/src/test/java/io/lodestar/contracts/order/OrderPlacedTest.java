package io.lodestar.contracts.order;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderPlacedTest {

    private static final Instant AT = Instant.parse("2024-11-11T02:15:30Z");
    private static final OrderLine LINE = new OrderLine("sku-1", null, null, 1, BigDecimal.TEN, null);

    @Test
    void linesAreAnUnmodifiableCopy() {
        List<OrderLine> lines = new ArrayList<>(List.of(LINE));
        OrderPlaced order = new OrderPlaced("o-1", "c-1", "CNY", lines, BigDecimal.TEN, null, null, null, null, AT);

        lines.add(LINE);

        assertThat(order.lines()).hasSize(1);
        assertThatThrownBy(() -> order.lines().add(LINE)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aNullLineIsNamedByItsIndex() {
        List<OrderLine> lines = Arrays.asList(LINE, null);

        assertThatThrownBy(() -> new OrderPlaced("o-1", "c-1", "CNY", lines, BigDecimal.TEN, null, null, null, null, AT))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("lines[1]");
    }

    @Test
    void linesAreRequiredButRefundLinesAreNot() {
        assertThatThrownBy(() -> new OrderPlaced("o-1", "c-1", "CNY", null, BigDecimal.TEN, null, null, null, null, AT))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("lines");
        assertThat(new OrderRefunded("o-1", "c-1", "CNY", BigDecimal.ONE, null, null, AT).lines()).isEmpty();
    }
}
