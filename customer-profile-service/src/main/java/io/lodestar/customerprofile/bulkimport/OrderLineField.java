package io.lodestar.customerprofile.bulkimport;

/** The fields of an order-line import. */
public enum OrderLineField implements TargetField {
    ORDER_ID,
    ITEM_ID,
    TITLE,
    QUANTITY,
    UNIT_PRICE,
    OCCURRED_AT,
    /** Optional: lines without a customer are kept for item statistics only. */
    CUSTOMER_ID,
    COUNTRY,
    CATEGORY,
    /** Optional: GBP when the column is absent or the cell is blank. */
    CURRENCY,
    CHANNEL;

    @Override
    public boolean required() {
        return this == ORDER_ID || this == ITEM_ID || this == QUANTITY || this == UNIT_PRICE || this == OCCURRED_AT;
    }
}
