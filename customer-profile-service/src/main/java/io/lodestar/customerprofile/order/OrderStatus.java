package io.lodestar.customerprofile.order;

import java.math.BigDecimal;
import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.lodestar.platform.problem.ConflictException;
import jakarta.persistence.AttributeConverter;

/**
 * Where an order is in its life, and which steps it allows. Each {@code accept…} method answers {@code true} when
 * the step changes the order, {@code false} when the order already went through it (an idempotent repeat that
 * changes and publishes nothing), and throws {@link ConflictException} (409) when the step is illegal.
 */
public enum OrderStatus {
    @JsonProperty("placed") PLACED("placed"),
    @JsonProperty("paid") PAID("paid"),
    @JsonProperty("partially_refunded") PARTIALLY_REFUNDED("partially_refunded"),
    @JsonProperty("refunded") REFUNDED("refunded"),
    @JsonProperty("cancelled") CANCELLED("cancelled");

    private final String wireName;

    OrderStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON and in the {@code orders.status} column. */
    public String wireName() {
        return wireName;
    }

    public boolean isPaid() {
        return this == PAID || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }

    /** placed → paid; a paid (or refunded) order is paid already; a cancelled one cannot be paid. */
    public boolean acceptPayment() {
        if (this == CANCELLED) {
            throw new ConflictException("a cancelled order cannot be paid");
        }
        return this == PLACED;
    }

    /** placed → cancelled; cancelled already is a repeat; a paid order is refunded instead. */
    public boolean acceptCancellation() {
        if (isPaid()) {
            throw new ConflictException("a paid order cannot be cancelled; refund it instead");
        }
        return this == PLACED;
    }

    /** Only a paid order that is not fully refunded takes a new refund. */
    public void requireRefundable() {
        switch (this) {
            case PLACED -> throw new ConflictException("refund before payment: the order is not paid");
            case CANCELLED -> throw new ConflictException("refund before payment: the order was cancelled unpaid");
            case REFUNDED -> throw new ConflictException("the order is already fully refunded");
            default -> {
                // paid, partially_refunded
            }
        }
    }

    /**
     * The status of a paid order once {@code refunded} of its {@code paid} amount went back.
     *
     * @throws ConflictException if the refunds would exceed the paid amount
     */
    public static OrderStatus afterRefund(BigDecimal refunded, BigDecimal paid) {
        int cmp = refunded.compareTo(paid);
        if (cmp > 0) {
            throw new ConflictException("refunds of " + refunded.toPlainString() + " would exceed the paid amount "
                    + paid.toPlainString());
        }
        if (cmp == 0) {
            return REFUNDED;
        }
        return refunded.signum() > 0 ? PARTIALLY_REFUNDED : PAID;
    }

    static OrderStatus ofWireName(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown order status " + wireName));
    }

    /** Stores the status by its wire name, the values the CHECK of {@code orders.status} allows. */
    @jakarta.persistence.Converter
    public static class Converter implements AttributeConverter<OrderStatus, String> {

        @Override
        public String convertToDatabaseColumn(OrderStatus status) {
            return status == null ? null : status.wireName;
        }

        @Override
        public OrderStatus convertToEntityAttribute(String column) {
            return column == null ? null : ofWireName(column);
        }
    }
}
