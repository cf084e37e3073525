package io.lodestar.customerprofile.order;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import io.lodestar.platform.paging.CursorPage;
import io.lodestar.platform.problem.InvalidInputException;

/**
 * Where a page of a customer's orders (newest first) ends: the last order's {@code placedAt} and {@code orderId},
 * the keyset the next page starts after. Callers see it only as an opaque base64url string.
 */
public record OrderCursor(Instant placedAt, String orderId) {

    private static final char SEPARATOR = '\n';

    public String encode() {
        return CursorPage.encode(placedAt + String.valueOf(SEPARATOR) + orderId);
    }

    /**
     * @return null for a null or empty cursor (the first page)
     * @throws InvalidInputException naming {@code cursor} for anything this class did not write
     */
    public static OrderCursor decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String text = CursorPage.decode(cursor);
            int at = text.indexOf(SEPARATOR);
            if (at <= 0 || at == text.length() - 1) {
                throw new IllegalArgumentException("no separator");
            }
            return new OrderCursor(Instant.parse(text.substring(0, at)), text.substring(at + 1));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInputException("cursor", "is not a cursor returned by this endpoint");
        }
    }
}
