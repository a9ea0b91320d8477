package org.polisi.site.theme;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates written the way the page's language writes them: "22 November 2026", "22 Tachwedd 2026",
 * or "September 2026" / "Medi 2026" when the school gave only the month. Reads the normalised
 * forms of {@link org.polisi.site.content.SettingsDate}: {@code yyyy-MM-dd} and {@code yyyy-MM}.
 * Month names come from the message bundle, not from the JDK's locale data, whose Welsh is not
 * present in every runtime.
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
            LocalDate day = date.get();
            return Optional.of(messages.format("date.month.only", messages.get("date.month." + day.getMonthValue()),
                    String.valueOf(day.getYear())));
        }
        return Optional.of(format(date.get(), messages));
    }

    public static String format(LocalDate date, Messages messages) {
        String month = messages.get("date.month." + date.getMonthValue());
        return messages.format("date.format", date.getDayOfMonth(), month, String.valueOf(date.getYear()));
    }
}
