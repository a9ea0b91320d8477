package org.polisi.site.theme;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Dates written the way the page's language writes them: "22 November 2026", "22 Tachwedd 2026".
 * Month names come from the message bundle, not from the JDK's locale data, whose Welsh is not
 * present in every runtime.
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

    public static String format(LocalDate date, Messages messages) {
        String month = messages.get("date.month." + date.getMonthValue());
        return messages.format("date.format", date.getDayOfMonth(), month, String.valueOf(date.getYear()));
    }
}
