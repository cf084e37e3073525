package io.lodestar.customerprofile.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.lodestar.platform.problem.InvalidInputException;

/**
 * The money of an order, computed once from its lines: {@code total = Σ quantity × unitPrice − Σ line discounts −
 * order discount}. Amounts are rounded HALF_UP to 2 decimals before anything is added, so that the stored
 * numeric(14,2) values add up exactly.
 *
 * @param subtotal      Σ quantity × unitPrice
 * @param lineDiscount  Σ line discounts
 * @param orderDiscount the order-level discount (coupon, promotion)
 * @param total         what the customer pays
 */
public record OrderTotals(BigDecimal subtotal, BigDecimal lineDiscount, BigDecimal orderDiscount, BigDecimal total) {

    /** The largest amount numeric(14,2) holds, as Bean Validation's {@code @DecimalMax} wants it. */
    public static final String MAX_AMOUNT_TEXT = "999999999999.99";
    /** The largest amount numeric(14,2) holds. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal(MAX_AMOUNT_TEXT);

    /**
     * @throws InvalidInputException naming {@code lines[i].discount} when a line discount exceeds the line,
     *                               {@code discountAmount} when the total would be negative, {@code lines} when
     *                               the subtotal does not fit the money columns
     */
    public static OrderTotals of(List<PlaceOrderRequest.Line> lines, BigDecimal orderDiscount) {
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        BigDecimal lineDiscount = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < lines.size(); i++) {
            PlaceOrderRequest.Line line = lines.get(i);
            BigDecimal gross = money(line.unitPrice()).multiply(BigDecimal.valueOf(line.quantity()));
            BigDecimal discount = money(line.discount());
            if (discount.compareTo(gross) > 0) {
                throw new InvalidInputException("lines[" + i + "].discount",
                        "must not exceed the line's quantity × unitPrice (" + gross.toPlainString() + ")");
            }
            subtotal = subtotal.add(gross);
            lineDiscount = lineDiscount.add(discount);
        }
        if (subtotal.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidInputException("lines", "the order's subtotal must not exceed " + MAX_AMOUNT);
        }
        BigDecimal discount = money(orderDiscount);
        BigDecimal total = subtotal.subtract(lineDiscount).subtract(discount);
        if (total.signum() < 0) {
            throw new InvalidInputException("discountAmount", "must not exceed the order's amount after line "
                    + "discounts (" + subtotal.subtract(lineDiscount).toPlainString() + ")");
        }
        return new OrderTotals(subtotal, lineDiscount, discount, total);
    }

    /** An amount as stored: 2 decimals, rounded HALF_UP; null (an omitted optional amount) is zero. */
    public static BigDecimal money(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
