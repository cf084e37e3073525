package io.lodestar.customerprofile.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.lodestar.platform.problem.ConflictException;

class OrderStatusTest {

    @Test
    void onlyAPlacedOrderIsPaidAPaidOneIsARepeatAndACancelledOneIsAConflict() {
        assertThat(OrderStatus.PLACED.acceptPayment()).isTrue();
        assertThat(OrderStatus.PAID.acceptPayment()).isFalse();
        assertThat(OrderStatus.PARTIALLY_REFUNDED.acceptPayment()).isFalse();
        assertThat(OrderStatus.REFUNDED.acceptPayment()).isFalse();
        assertThatThrownBy(OrderStatus.CANCELLED::acceptPayment).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyAPlacedOrderIsCancelledACancelledOneIsARepeatAndAPaidOneIsAConflict() {
        assertThat(OrderStatus.PLACED.acceptCancellation()).isTrue();
        assertThat(OrderStatus.CANCELLED.acceptCancellation()).isFalse();
        for (OrderStatus paid : new OrderStatus[] {OrderStatus.PAID, OrderStatus.PARTIALLY_REFUNDED,
                OrderStatus.REFUNDED}) {
            assertThatThrownBy(paid::acceptCancellation).isInstanceOf(ConflictException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PAID", "PARTIALLY_REFUNDED"})
    void paidAndPartlyRefundedOrdersTakeRefunds(OrderStatus status) {
        status.requireRefundable();
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"PLACED", "CANCELLED", "REFUNDED"})
    void otherOrdersRefuseRefunds(OrderStatus status) {
        assertThatThrownBy(status::requireRefundable).isInstanceOf(ConflictException.class);
    }

    @Test
    void aRefundBeforePaymentSaysSo() {
        assertThatThrownBy(OrderStatus.PLACED::requireRefundable).hasMessageContaining("refund before payment");
    }

    @Test
    void theRefundedAmountDecidesTheStatus() {
        BigDecimal paid = new BigDecimal("100.00");
        assertThat(OrderStatus.afterRefund(new BigDecimal("0.01"), paid)).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(OrderStatus.afterRefund(new BigDecimal("99.99"), paid)).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
        assertThat(OrderStatus.afterRefund(new BigDecimal("100"), paid)).isEqualTo(OrderStatus.REFUNDED);
        assertThatThrownBy(() -> OrderStatus.afterRefund(new BigDecimal("100.01"), paid))
                .isInstanceOf(ConflictException.class);
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void theColumnValueRoundTrips(OrderStatus status) {
        OrderStatus.Converter converter = new OrderStatus.Converter();
        assertThat(converter.convertToDatabaseColumn(status)).isEqualTo(status.name().toLowerCase());
        assertThat(converter.convertToEntityAttribute(converter.convertToDatabaseColumn(status))).isEqualTo(status);
    }
}
