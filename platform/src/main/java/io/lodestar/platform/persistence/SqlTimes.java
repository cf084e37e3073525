package io.lodestar.platform.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.vertx.mutiny.sqlclient.Row;

/**
 * Instants to and from the reactive PostgreSQL client, which binds {@code timestamptz} as {@link OffsetDateTime}:
 * time is UTC at rest (DESIGN.md), so every instant goes over at offset zero. Null stays null both ways.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
