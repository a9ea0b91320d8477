package org.polisi.site.theme;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates written the way the page's language writes them: "22 November 2026", "22 Tachwedd 2026",
 * or "September 2026" / "Medi 2026" when the school gave only the month. Reads the normalised
 * forms of {@link org.polisi.site.content.SettingsDate}: {@code yyyy-MM-dd} and {@code yyyy-MM}.
 * The day-month-year order is the UK's in both languages; the month names are CLDR's, through
 * ICU4J, the one source of month and day names for the site and the forms server (the JDK's own
 * Welsh locale data differs between runtimes).
 */
public final class LocalDates {
    private LocalDates() {
    }

    /** The date, or for a month alone its last day (a review due "September 2026" is overdue from October). */
    public static Optional<LocalDate> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException notADay) {
            try {
                return Optional.of(YearMonth.parse(value.trim()).atEndOfMonth());
            } catch (DateTimeParseException notAMonth) {
                return Optional.empty();
            }
        }
    }

    /** The value as the language writes it: a day, or a month and year when only the month is known. */
    public static Optional<String> describe(String value, Messages messages) {
        Optional<LocalDate> date = parse(value);
        if (date.isEmpty()) {
            return Optional.empty();
        }
        if (value.trim().length() == "yyyy-MM".length()) {
            return Optional.of(format("LLLL y", date.get(), messages.language()));
        }
        return Optional.of(format(date.get(), messages));
    }

    /** The date as "d MMMM y" with the month's name in {@code language} (a BCP 47 tag: en, cy). */
    public static String format(LocalDate date, String language) {
        return format("d MMMM y", date, language);
    }

    public static String format(LocalDate date, Messages messages) {
        return format(date, messages.language());
    }

    private static String format(String pattern, LocalDate date, String language) {
        SimpleDateFormat format = new SimpleDateFormat(pattern, ULocale.forLanguageTag(language));
        format.setTimeZone(TimeZone.GMT_ZONE);
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.GMT_ZONE, ULocale.forLanguageTag(language));
        calendar.clear();
        calendar.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        return format.format(calendar.getTime());
    }
}
