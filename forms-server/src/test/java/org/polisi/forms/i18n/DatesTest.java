package org.polisi.forms.i18n;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dates and times in the reader's language, in UK time, with CLDR's month names (through ICU4J). */
class DatesTest {

    @Test
    void aWinterTimeIsGreenwichTimeInBothLanguages() {
        Instant instant = Instant.parse("2026-11-30T10:28:41Z");
        assertEquals("30 Tachwedd 2026, 10:28", Dates.display(instant, "cy"));
        assertEquals("30 November 2026, 10:28", Dates.display(instant, "en"));
    }

    @Test
    void aSummerTimeIsBritishSummerTimeAndSaysItsOffset() {
        Instant instant = Instant.parse("2026-06-30T23:30:00Z");
        assertEquals("1 Gorffennaf 2026, 00:30", Dates.display(instant, "cy"), "the next day in the UK");
        assertEquals("1 July 2026, 00:30 +01:00", Dates.displayWithOffset(instant, "en"));
        assertEquals("30 November 2026, 10:28 +00:00", Dates.displayWithOffset(Instant.parse("2026-11-30T10:28:00Z"), "en"));
    }

    @Test
    void everyWelshMonthNameIsTheOneSchoolsUse() {
        List<String> expected = List.of("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
                "Medi", "Hydref", "Tachwedd", "Rhagfyr");
        for (int month = 1; month <= 12; month++) {
            assertEquals(expected.get(month - 1) + " 2026", Dates.month(YearMonth.of(2026, month), "cy"));
            assertEquals("1 " + expected.get(month - 1) + " 2026", Dates.day(LocalDate.of(2026, month, 1), "cy"));
        }
    }

    @Test
    void aCalendarDateIsTheSameDayWhateverTheZone() {
        assertEquals("11 November 2026", Dates.day(LocalDate.of(2026, 11, 11), "en"));
        assertEquals("29 Mawrth 2026", Dates.day(LocalDate.of(2026, 3, 29), "cy"), "the day the clocks go forward");
    }
}
