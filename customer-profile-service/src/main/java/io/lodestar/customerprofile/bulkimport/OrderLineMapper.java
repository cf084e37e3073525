package io.lodestar.customerprofile.bulkimport;

import static io.lodestar.customerprofile.bulkimport.OrderLineField.CATEGORY;
import static io.lodestar.customerprofile.bulkimport.OrderLineField.CHANNEL;
import static io.lodestar.customerprofile.bulkimport.OrderLineField.COUNTRY;
import static io.lodestar.customerprofile.bulkimport.OrderLineField.CURRENCY;
import static io.lodestar.customerprofile.bulkimport.OrderLineField.CUSTOMER_ID;
import static io.lodestar.customerprofile.bulkimport.OrderLineField.ITEM_ID;
import static io.lodestar.customerprofile.bulkimport.OrderLineField.OCCURRED_AT;
import static io.lodestar.customerprofile.bulkimport.OrderLineField.ORDER_ID;
import static io.lodestar.customerprofile.bulkimport.OrderLineField.QUANTITY;
import static io.lodestar.customerprofile.bulkimport.OrderLineField.TITLE;
import static io.lodestar.customerprofile.bulkimport.OrderLineField.UNIT_PRICE;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.lodestar.contracts.Channel;

/**
 * Applies the rules of an order line to one CSV row.
 * <p>
 * Rules: order id, item id, quantity, unit price and time are required; ids have at most 128 characters. A
 * quantity must be a whole number, positive on a sale and negative on a cancellation (an order id with the
 * upload's cancellation prefix, {@code C} for Online Retail): anything else is not a sale nor a refund but a
 * stock movement, which has no place among orders. A negative unit price is rejected; a zero one is accepted
 * and flagged {@link Flag#ZERO_PRICE}. The currency is an ISO 4217 code, GBP when absent. Every reason of a
 * row is reported, not only the first.
 * <p>
 * What this does to the row groups of the UCI Online Retail file (541,909 rows, SOURCE.md's facts):
 * <ul>
 * <li>9,288 cancellation rows ({@code C…}, every one with a negative quantity): accepted as cancellations,
 * refunds that make a customer's spend net.</li>
 * <li>10,624 rows with Quantity ≤ 0: the 9,288 cancellations above, accepted; the other 1,336 (not
 * cancellations, all priced 0 and without a customer: write-offs such as "damaged" or "lost") are rejected
 * with "quantity must be positive except on a cancellation".</li>
 * <li>2,517 rows with UnitPrice ≤ 0: 2 are negative (the {@code A563186}/{@code A563187} "Adjust bad debt"
 * lines) and rejected; of the 2,515 priced 0, the 1,336 write-offs are rejected for their quantity and the
 * other 1,179 pass and are flagged {@code ZERO_PRICE} (5 of them are then dropped as exact duplicates).</li>
 * <li>1,454 rows without Description: the title is optional, so the description alone rejects nothing; those
 * that are write-offs are rejected for their quantity, the rest are accepted with a null title.</li>
 * <li>135,080 rows without CustomerID: accepted (unless another rule rejects them) with a null customer, for
 * item statistics only.</li>
 * </ul>
 * With the {@link ExactDuplicateFilter} after it, the file imports as 535,303 accepted + 1,338 rejected + 5,268
 * dropped duplicates = 541,909 (OnlineRetailImportDatasetTest derives these from a second parse).
 */
public final class OrderLineMapper extends RowMapper<OrderLineRecord> {

    /** The currency of a line whose currency is not given. */
    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("GBP");

    static final int MAX_ID = 128;
    static final int MAX_TEXT = 500;
    static final int MAX_NUMBER = 40;

    private final ValueFormats formats;

    /** Fails with {@link ImportFormatException} if the mapping does not fit the header. */
    public OrderLineMapper(ColumnMapping mapping, List<String> headers) {
        super(mapping, ImportKind.ORDER_LINES, headers);
        this.formats = mapping.formats();
    }

    @Override
    OrderLineRecord toRecord(long line, RowValues v) {
        String orderId = v.required(ORDER_ID, MAX_ID);
        String itemId = v.required(ITEM_ID, MAX_ID);
        String title = v.text(TITLE, MAX_TEXT);
        Integer quantity = v.wholeNumber(QUANTITY, v.required(QUANTITY, MAX_NUMBER));
        BigDecimal unitPrice = v.decimal(UNIT_PRICE, v.required(UNIT_PRICE, MAX_NUMBER));
        Instant occurredAt = v.instant(OCCURRED_AT, v.required(OCCURRED_AT, MAX_NUMBER));
        String customerId = CustomerIds.normalise(v.text(CUSTOMER_ID, MAX_ID), formats);
        String country = v.text(COUNTRY, MAX_TEXT);
        String category = v.text(CATEGORY, MAX_TEXT);
        Currency currency = currency(v);
        Channel channel = v.wireEnum(CHANNEL, Channel.class);
        boolean cancellation = orderId != null && formats.cancellationPrefix() != null
                && orderId.startsWith(formats.cancellationPrefix());
        if (quantity != null && cancellation && quantity >= 0) {
            v.reject(QUANTITY, v.cell(QUANTITY) + ": quantity must be negative on a cancellation");
        } else if (quantity != null && !cancellation && quantity <= 0) {
            v.reject(QUANTITY, v.cell(QUANTITY) + ": quantity must be positive except on a cancellation");
        }
        if (unitPrice != null && unitPrice.signum() < 0) {
            v.reject(UNIT_PRICE, v.cell(UNIT_PRICE) + ": unitPrice must not be negative");
        }
        if (!v.reasons().isEmpty()) {
            return null;
        }
        Set<Flag> flags = unitPrice.signum() == 0 ? EnumSet.of(Flag.ZERO_PRICE) : EnumSet.noneOf(Flag.class);
        return new OrderLineRecord(line, orderId, itemId, title, quantity, unitPrice, occurredAt, customerId,
                country, category, currency, channel, cancellation, flags);
    }

    private static Currency currency(RowValues v) {
        String code = v.text(CURRENCY);
        if (code == null) {
            return DEFAULT_CURRENCY;
        }
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            v.reject(CURRENCY, v.cell(CURRENCY) + " is not an ISO 4217 currency code");
            return null;
        }
    }
}
