package io.lodestar.customerprofile.bulkimport;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How the cells of one upload are written, for the values whose text is not self-describing.
 *
 * @param dateTimePattern      a {@link java.time.format.DateTimeFormatter} pattern of a local date-time, or null
 *                             for ISO-8601 (with an offset, or local)
 * @param zone                 the zone that local date-times are in; instants are stored in UTC
 * @param cancellationPrefix   an order id starting with it is a cancellation (refund) of earlier lines; null when
 *                             the file holds no cancellations
 * @param idsMayEndInPointZero whether {@code 17850.0} means customer {@code 17850} (spreadsheet exports write
 *                             numeric ids as floats)
 */
public record ValueFormats(String dateTimePattern, ZoneId zone, String cancellationPrefix,
        boolean idsMayEndInPointZero) {

    /** ISO-8601 timestamps, local ones in UTC; order ids starting with {@code C} are cancellations. */
    public static final ValueFormats ISO = new ValueFormats(null, ZoneOffset.UTC, "C", false);

    /** The UCI Online Retail file: {@code 2010-12-01 08:26:00} in UK local time, ids like {@code 17850.0}. */
    public static final ValueFormats ONLINE_RETAIL = new ValueFormats("yyyy-MM-dd HH:mm:ss",
            ZoneId.of("Europe/London"), "C", true);

    public ValueFormats {
        Objects.requireNonNull(zone, "zone");
        if (cancellationPrefix != null && cancellationPrefix.isEmpty()) {
            throw new IllegalArgumentException("cancellationPrefix must not be empty (null means no cancellations)");
        }
    }
}
