package io.lodestar.customerprofile.order;

import java.io.Serializable;
import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One line of an {@link Order}, numbered from 0 in the order the caller sent them. */
@Entity
@Table(name = "order_item")
@IdClass(OrderItem.Key.class)
public class OrderItem {

    @Id
    @Column(name = "order_id", columnDefinition = "text")
    public String orderId;

    @Id
    @Column(name = "line_no")
    public int lineNo;

    @Column(name = "item_id", nullable = false, columnDefinition = "text")
    public String itemId;

    @Column(nullable = false, columnDefinition = "text")
    public String category;

    @Column(columnDefinition = "text")
    public String title;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price", nullable = false, precision = 14, scale = 2)
    public BigDecimal unitPrice;

    /** On the whole line; 0.00 when there is none. */
    @Column(nullable = false, precision = 14, scale = 2)
    public BigDecimal discount;

    public record Key(String orderId, int lineNo) implements Serializable {
    }
}
