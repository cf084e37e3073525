package io.lodestar.customerprofile.order;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Money of a paid {@link Order} that went back to the customer, under the caller's refundId. */
@Entity
@Table(name = "order_refund")
@IdClass(Refund.Key.class)
public class Refund {

    @Id
    @Column(name = "order_id", columnDefinition = "text")
    public String orderId;

    @Id
    @Column(name = "refund_id", columnDefinition = "text")
    public String refundId;

    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    @Column(columnDefinition = "text")
    public String reason;

    @Column(name = "refunded_at", nullable = false)
    public Instant refundedAt;

    /** When this service recorded it; orders the refunds of an order. */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public record Key(String orderId, String refundId) implements Serializable {
    }
}
