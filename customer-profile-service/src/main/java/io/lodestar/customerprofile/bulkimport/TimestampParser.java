package io.lodestar.customerprofile.bulkimport;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the timestamps of one upload into UTC instants. A local date-time is placed in the upload's zone with
 * {@link ZonedDateTime#ofLocal}: in the autumn overlap the earlier offset (summer time) is taken, and a time in
 * the spring gap is moved forward by the gap's length. Consecutive rows of an order file mostly repeat the
 * same timestamp, so the last result is reused.
 */
final class TimestampParser {

    private final DateTimeFormatter format;
    private final ZoneId zone;
    private String lastText;
    private Instant lastInstant;

    TimestampParser(ValueFormats formats) {
        this.format = formats.dateTimePattern() == null ? DateTimeFormatter.ISO_DATE_TIME
                : DateTimeFormatter.ofPattern(formats.dateTimePattern());
        this.zone = formats.zone();
    }

    /** The instant, or throws {@link java.time.format.DateTimeParseException}. */
    Instant parse(String text) {
        if (text.equals(lastText)) {
            return lastInstant;
        }
        TemporalAccessor parsed = format.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
        Instant instant = parsed instanceof OffsetDateTime offset ? offset.toInstant()
                : ZonedDateTime.ofLocal((LocalDateTime) parsed, zone, null).toInstant();
        lastText = text;
        lastInstant = instant;
        return instant;
    }
}
