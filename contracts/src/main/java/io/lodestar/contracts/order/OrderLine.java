package io.lodestar.contracts.order;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One item of an order, in the order's currency.
 *
 * @param category  the item's category when the order was placed, so consumers need no catalogue lookup
 * @param unitPrice price of one unit before discounts
 * @param discount  discount on the whole line (not per unit); the line's net amount is
 *                  {@code quantity × unitPrice − discount}
 */
public record OrderLine(
        @JsonProperty(required = true) String itemId,
        String category,
        String title,
        @JsonProperty(required = true) int quantity,
        @JsonProperty(required = true) BigDecimal unitPrice,
        BigDecimal discount) {

    public OrderLine {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }
}
