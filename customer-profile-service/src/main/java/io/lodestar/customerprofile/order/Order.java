package io.lodestar.customerprofile.order;

import java.math.BigDecimal;
import java.time.Instant;

import io.lodestar.platform.persistence.ChannelConverter;
import io.lodestar.contracts.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An order; see V3__orders.sql. Its lines ({@link OrderItem}) and refunds ({@link Refund}) are loaded by
 * {@link OrderRepository} explicitly (Hibernate Reactive has no transparent lazy loading). The entity is named
 * {@code CustomerOrder} because {@code Order} is an HQL keyword.
 */
@Entity(name = "CustomerOrder")
@Table(name = "orders")
public class Order {

    @Id
    @Column(name = "order_id", columnDefinition = "text")
    public String orderId;

    @Column(name = "customer_id", nullable = false, columnDefinition = "text")
    public String customerId;

    @Convert(converter = OrderStatus.Converter.class)
    @Column(nullable = false, columnDefinition = "text")
    public OrderStatus status;

    @Column(nullable = false, columnDefinition = "text")
    public String currency;

    @Column(name = "subtotal_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal subtotalAmount;

    @Column(name = "line_discount_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal lineDiscountAmount;

    @Column(name = "discount_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal discountAmount;

    @Column(name = "total_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal totalAmount;

    @Column(name = "paid_amount", precision = 14, scale = 2)
    public BigDecimal paidAmount;

    @Column(name = "refunded_amount", nullable = false, precision = 14, scale = 2)
    public BigDecimal refundedAmount;

    @Column(name = "coupon_code", columnDefinition = "text")
    public String couponCode;

    @Convert(converter = ChannelConverter.class)
    @Column(columnDefinition = "text")
    public Channel channel;

    @Column(name = "campaign_id", columnDefinition = "text")
    public String campaignId;

    @Column(name = "placed_at", nullable = false)
    public Instant placedAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancellation_reason", columnDefinition = "text")
    public String cancellationReason;
}
