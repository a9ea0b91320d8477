package org.polisi.site.importing;

import org.polisi.site.theme.LocalDates;
import org.polisi.site.theme.Messages;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy dates a document states about itself ("Last updated: 1 February 2023", "Review date:
 * March 2026", "Diweddarwyd: Chwefror 2023", "Version 2.1"), read into the page attributes
 * {@code version}, {@code last-updated} and {@code review-due} (ISO 8601 for a day). Nothing is read
 * that the document does not say: who approved it is never guessed, and a month without a day stays a
 * month, written "March 2026" as {@link org.polisi.site.content.SettingsDate} reads it (issue 15: no
 * invented days).
 */
final class DocumentDates {
    /** A value read, and the words it was read from. */
    record Reading(String attribute, String value, String source) {
    }

    private static final String UPDATED = "(?:last\\s+updated|date\\s+updated|updated|last\\s+reviewed|date\\s+of\\s+last\\s+review"
            + "|diweddarwyd(?:\\s+ddiwethaf)?|dyddiad\\s+diweddaru)";
    private static final String REVIEW = "(?:next\\s+review(?:\\s+date)?|review\\s+date|review\\s+due|date\\s+of\\s+next\\s+review"
            + "|to\\s+be\\s+reviewed(?:\\s+(?:by|in|on))?|dyddiad\\s+(?:yr\\s+)?adolygiad(?:\\s+nesaf)?|adolygiad\\s+nesaf|adolygu\\s+erbyn)";
    private static final Pattern VERSION = Pattern.compile("(?i)\\b(?:version|fersiwn)\\s*:?\\s*(\\d+(?:\\.\\d+)*)\\b");

    private final Map<String, Integer> months;
    private final Pattern date;

    DocumentDates(List<Messages> languages) {
        months = new LinkedHashMap<>();
        for (Messages messages : languages) {
            for (int month = 1; month <= 12; month++) {
                String name = LocalDates.monthName(month, messages.language()).toLowerCase(Locale.ROOT);
                months.put(name, month);
                if (name.length() > 3) {
                    months.putIfAbsent(name.substring(0, 3), month);
                }
            }
        }
        String names = String.join("|", months.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList());
        date = Pattern.compile("(?iu)(?:(\\d{1,2})(?:st|nd|rd|th|af|ed|fed)?\\s+)?(" + names + ")\\.?,?\\s+(\\d{4})"
                + "|(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})|(\\d{4})-(\\d{2})-(\\d{2})");
    }

    /** What the lines say about the policy's version and dates, first statement of each kind only. */
    List<Reading> read(List<String> lines) {
        Map<String, Reading> found = new LinkedHashMap<>();
        Pattern updated = Pattern.compile("(?iu)\\b" + UPDATED + "\\s*(?:on\\s*)?[:\\-–]?\\s*");
        Pattern review = Pattern.compile("(?iu)\\b" + REVIEW + "\\s*(?:on\\s*)?[:\\-–]?\\s*");
        for (String line : lines) {
            if (line.startsWith("//")) {
                continue;
            }
            dateAfter(updated, line, "last-updated").ifPresent(r -> found.putIfAbsent(r.attribute(), r));
            dateAfter(review, line, "review-due").ifPresent(r -> found.putIfAbsent(r.attribute(), r));
            Matcher version = VERSION.matcher(line);
            if (version.find()) {
                found.putIfAbsent("version", new Reading("version", version.group(1), version.group().strip()));
            }
        }
        return new ArrayList<>(found.values());
    }

    private Optional<Reading> dateAfter(Pattern label, String line, String attribute) {
        Matcher words = label.matcher(line);
        while (words.find()) {
            Matcher value = date.matcher(line);
            value.region(words.end(), line.length());
            if (value.lookingAt()) {
                Optional<Reading> reading = toDate(value, attribute, line.substring(words.start(), value.end()).strip());
                if (reading.isPresent()) {
                    return reading;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Reading> toDate(Matcher value, String attribute, String source) {
        try {
            if (value.group(2) != null) {
                int month = months.get(value.group(2).toLowerCase(Locale.ROOT));
                YearMonth yearMonth = YearMonth.of(Integer.parseInt(value.group(3)), month);
                if (value.group(1) != null) {
                    return Optional.of(new Reading(attribute, yearMonth.atDay(Integer.parseInt(value.group(1))).toString(), source));
                }
                String monthAlone = yearMonth.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.UK)
                        + " " + yearMonth.getYear();
                return Optional.of(new Reading(attribute, monthAlone, source));
            }
            if (value.group(6) != null) {
                // Day first, as schools in Wales and England write dates.
                return Optional.of(new Reading(attribute, LocalDate.of(Integer.parseInt(value.group(6)),
                        Integer.parseInt(value.group(5)), Integer.parseInt(value.group(4))).toString(), source));
            }
            return Optional.of(new Reading(attribute, LocalDate.of(Integer.parseInt(value.group(7)),
                    Integer.parseInt(value.group(8)), Integer.parseInt(value.group(9))).toString(), source));
        } catch (java.time.DateTimeException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
