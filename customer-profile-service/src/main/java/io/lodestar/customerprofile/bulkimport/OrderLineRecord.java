package io.lodestar.customerprofile.bulkimport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import io.lodestar.contracts.Channel;
import io.lodestar.contracts.WireNames;

/**
 * One valid order line of an import.
 *
 * @param title        null when the source has no description (the line is still a sale of the item)
 * @param quantity     positive on a sale, negative on a cancellation
 * @param customerId   null when the source has none: the line only counts for item statistics
 * @param cancellation the order id has the upload's cancellation prefix: a refund of earlier spend, not an order
 */
public record OrderLineRecord(long line, String orderId, String itemId, String title, int quantity,
        BigDecimal unitPrice, Instant occurredAt, String customerId, String country, String category,
        Currency currency, Channel channel, boolean cancellation, Set<Flag> flags) implements ImportRecord {

    public OrderLineRecord {
        flags = Set.copyOf(flags);
    }

    /** Quantity × unit price: negative on a cancellation, so summing lines gives net spend. */
    public BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public boolean hasFlag(Flag flag) {
        return flags.contains(flag);
    }

    @Override
    public List<String> normalisedValues() {
        return Arrays.asList(orderId, itemId, title, Integer.toString(quantity),
                unitPrice.stripTrailingZeros().toPlainString(), occurredAt.toString(), customerId, country,
                category, currency.getCurrencyCode(), channel == null ? null : WireNames.of(channel));
    }
}
