package org.polisi.site.theme;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates written the way the page's language writes them: "22 November 2026", "22 Tachwedd 2026".
 * The day-month-year order is the UK's in both languages; the month names are CLDR's, through
 * ICU4J, the one source of month and day names for the site and the forms server (the JDK's own
 * Welsh locale data differs between runtimes).
 */
public final class LocalDates {
    private LocalDates() {
    }

    public static Optional<LocalDate> parse(String iso) {
        if (iso == null || iso.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(iso.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The date as "d MMMM y" with the month's name in {@code language} (a BCP 47 tag: en, cy). */
    public static String format(LocalDate date, String language) {
        SimpleDateFormat format = new SimpleDateFormat("d MMMM y", ULocale.forLanguageTag(language));
        format.setTimeZone(TimeZone.GMT_ZONE);
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.GMT_ZONE, ULocale.forLanguageTag(language));
        calendar.clear();
        calendar.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        return format.format(calendar.getTime());
    }

    public static String format(LocalDate date, Messages messages) {
        return format(date, messages.language());
    }
}
