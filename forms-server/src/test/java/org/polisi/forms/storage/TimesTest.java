package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimesTest {

    private static final DateTimeFormatter PATTERN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static String expected(Instant instant) {
        return PATTERN.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void theStoredTextIsThePatternsTextForEveryInstant() {
        for (Instant instant : List.of(Instant.EPOCH, Instant.parse("2026-03-31T09:15:00Z"),
                Instant.parse("2026-12-31T23:59:59.999999999Z"), Instant.parse("2024-02-29T00:00:00.001Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999Z"),
                Instant.parse("1969-12-31T23:59:59.5Z"), Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-06-01T12:00:00Z"))) {
            assertEquals(expected(instant), Times.format(instant), instant.toString());
        }
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    random.nextInt(1_000_000_000));
            assertEquals(expected(instant), Times.format(instant), instant.toString());
        }
    }

    @Test
    void theStoredTextReadsBackAsTheInstantCutToTheMillisecond() {
        Instant instant = Instant.parse("2026-11-30T18:01:02.345678Z");
        assertEquals(Instant.parse("2026-11-30T18:01:02.345Z"), Times.parse(Times.format(instant)));
    }
}
