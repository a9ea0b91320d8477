package org.polisi.forms.storage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as stored: UTC, millisecond precision, fixed width ({@code 2026-03-31T09:15:00.000Z}),
 * so that text order is time order in SQL and the chain hashes the same text it stores.
 */
public final class Times {

    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static String format(Instant instant) {
        return STORED.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static Instant parse(String stored) {
        return Instant.parse(stored);
    }
}
