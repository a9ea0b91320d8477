package org.polisi.site.content;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as a school writes it in its settings: ISO 8601 ({@code 2026-09-30}), the UK's
 * day/month/year ({@code 30/09/2026}), or, when the source gives only a month, the month and year
 * in English or Welsh ({@code September 2026}, {@code Medi 2026}). {@link #parse} returns the
 * normalised text the rest of the build reads: {@code 2026-09-30}, or {@code 2026-09} for a month.
 */
public final class SettingsDate {
    /** What an author is told when a date is not understood. */
    public static final String ACCEPTED = "write it as 2026-09-30, 30/09/2026, or, when only the month is known, September 2026 (Medi 2026)";

    /**
     * The languages whose month names a school may write: their names come from CLDR through ICU4J,
     * the one source of month names for the site and the server (no table of our own).
     */
    private static final List<String> MONTH_LANGUAGES = List.of("en", "cy");
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern UK_SHAPE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern ISO_SHAPE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\p{L}+)\\s+(\\d{4})");

    private SettingsDate() {
    }

    /**
     * The normalised date ({@code yyyy-MM-dd} or {@code yyyy-MM}), empty for a blank value;
     * throws {@link IllegalArgumentException} naming the accepted forms for anything else.
     */
    public static Optional<String> parse(String written) {
        String value = written == null ? "" : written.trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value).toString());
        } catch (DateTimeParseException notIso) {
            // try the other forms
        }
        try {
            return Optional.of(LocalDate.parse(value, UK).toString());
        } catch (DateTimeParseException notUk) {
            // try a month
        }
        Matcher monthYear = MONTH_YEAR.matcher(value);
        if (monthYear.matches()) {
            Optional<Month> month = month(monthYear.group(1));
            if (month.isPresent()) {
                return Optional.of(YearMonth.of(Integer.parseInt(monthYear.group(2)), month.get()).toString());
            }
            throw new IllegalArgumentException("'" + value + "': '" + monthYear.group(1)
                    + "' is not the name of a month (write its whole name, in English or Welsh): " + ACCEPTED);
        }
        throw new IllegalArgumentException("'" + value + "' " + noSuchDay(value).orElse("is not a date this build understands")
                + ": " + ACCEPTED);
    }

    /**
     * Why a date written in the shape of one (day/month/year or year-month-day) names no day: a month
     * beyond 12, a day beyond its month's length (Gregorian calendar, leap years included), or day 0.
     */
    private static Optional<String> noSuchDay(String value) {
        Matcher shape = UK_SHAPE.matcher(value);
        int day;
        int month;
        int year;
        String order;
        if (shape.matches()) {
            order = "the day comes first, then the month";
            day = Integer.parseInt(shape.group(1));
            month = Integer.parseInt(shape.group(2));
            year = Integer.parseInt(shape.group(3));
        } else if ((shape = ISO_SHAPE.matcher(value)).matches()) {
            order = "the year comes first, then the month, then the day";
            year = Integer.parseInt(shape.group(1));
            month = Integer.parseInt(shape.group(2));
            day = Integer.parseInt(shape.group(3));
        } else {
            return Optional.empty();
        }
        if (month < 1 || month > 12) {
            return Optional.of("has no month " + month + " (" + order + ")");   // the advice fits the shape written (tester 7's finding 9b)
        }
        int length = YearMonth.of(year, month).lengthOfMonth();
        if (day < 1 || day > length) {
            String name = Month.of(month).getDisplayName(java.time.format.TextStyle.FULL, Locale.UK);
            return Optional.of("is not a day: " + name + " " + year + " has no day " + day + " (it has " + length + " days)");
        }
        return Optional.empty();
    }

    /** The month a name means in English or Welsh (CLDR's wide names, as written or stand-alone), any case. */
    private static Optional<Month> month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String language : MONTH_LANGUAGES) {
            DateFormatSymbols symbols = new DateFormatSymbols(ULocale.forLanguageTag(language));
            for (int context : new int[] {DateFormatSymbols.FORMAT, DateFormatSymbols.STANDALONE}) {
                String[] names = symbols.getMonths(context, DateFormatSymbols.WIDE);
                for (int i = 0; i < 12; i++) {
                    if (names[i].toLowerCase(Locale.ROOT).equals(lower)) {
                        return Optional.of(Month.of(i + 1));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
