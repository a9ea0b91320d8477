package org.polisi.forms.storage;

import java.time.Instant;
import java.time.LocalDateTime;
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

    /**
     * The stored text of an instant: {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC, the instant cut
     * (not rounded) to the millisecond. Written digit by digit for the years 1 to 9999, the same text
     * as {@link DateTimeFormatter} with that pattern gives (TimesTest compares them): each consent
     * form formats it several times, and the formatter cost more than a SHA-256 under the launcher's
     * C1-only JIT (issue 23's intake profile).
     */
    public static String format(Instant instant) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = time.getYear();
        if (year < 1 || year > 9999) { // "yyyy" is the year of the era: year 0 is 1 BC
            return STORED.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }
        char[] text = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', '.',
            '0', '0', '0', 'Z'};
        digits(text, 0, year, 4);
        digits(text, 5, time.getMonthValue(), 2);
        digits(text, 8, time.getDayOfMonth(), 2);
        digits(text, 11, time.getHour(), 2);
        digits(text, 14, time.getMinute(), 2);
        digits(text, 17, time.getSecond(), 2);
        digits(text, 20, instant.getNano() / 1_000_000, 3);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static Instant parse(String stored) {
        return Instant.parse(stored);
    }
}
