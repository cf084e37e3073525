package io.lodestar.customerprofile.order;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One refunded item of a {@link Refund}. */
@Entity
@Table(name = "order_refund_item")
@IdClass(RefundItem.Key.class)
public class RefundItem {

    @Id
    @Column(name = "order_id", columnDefinition = "text")
    public String orderId;

    @Id
    @Column(name = "refund_id", columnDefinition = "text")
    public String refundId;

    @Id
    @Column(name = "line_no")
    public int lineNo;

    @Column(name = "item_id", nullable = false, columnDefinition = "text")
    public String itemId;

    @Column(nullable = false)
    public int quantity;

    public record Key(String orderId, String refundId, int lineNo) implements Serializable {
    }
}
