package org.polisi.site.content;

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

    /** Welsh month names, January first, as in themes/default/i18n/site_cy.properties. */
    private static final List<String> WELSH_MONTHS = List.of("ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin",
            "gorffennaf", "awst", "medi", "hydref", "tachwedd", "rhagfyr");
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
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
        }
        throw new IllegalArgumentException("'" + value + "' is not a date this build understands: " + ACCEPTED);
    }

    private static Optional<Month> month(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return Optional.of(month);
            }
        }
        int welsh = WELSH_MONTHS.indexOf(lower);
        return welsh < 0 ? Optional.empty() : Optional.of(Month.of(welsh + 1));
    }
}
