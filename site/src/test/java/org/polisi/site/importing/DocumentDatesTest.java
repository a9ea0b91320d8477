package org.polisi.site.importing;

import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.theme.Messages;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dates a policy states about itself, in English and Welsh, read as ISO dates. */
class DocumentDatesTest {
    private static final DocumentDates DATES = new DocumentDates(List.of(
            Messages.load(Fixtures.theme().resolve("i18n"), "en"), Messages.load(Fixtures.theme().resolve("i18n"), "cy")));

    @Test
    void englishStatementsInTheirUsualForms() {
        assertEquals(List.of("last-updated=2023-02-01", "review-due=March 2026", "version=2.1"),
                read("Version 2.1. Last updated: 1st February 2023. Review date: March 2026."));
        assertEquals(List.of("review-due=2025-09-30"), read("Date of next review: 30/09/2025"));
        assertEquals(List.of("last-updated=2024-12-05"), read("Updated on 2024-12-05"));
        assertEquals(List.of("review-due=December 2021"), read("To be reviewed by Dec 2021"));
    }

    @Test
    void welshStatements() {
        assertEquals(List.of("last-updated=2023-02-01", "version=3"), read("Diweddarwyd ddiwethaf: 1 Chwefror 2023. Fersiwn 3"));
        assertEquals(List.of("review-due=March 2026"), read("Dyddiad yr adolygiad nesaf: Mawrth 2026"));
    }

    @Test
    void aMonthWithoutADayStaysAMonth() {
        assertEquals("March 2026", DATES.read(List.of("Review date: March 2026")).get(0).value(), "no day is invented");
        assertEquals("2026-03-03", DATES.read(List.of("Review date: 3 March 2026")).get(0).value());
    }

    @Test
    void nothingIsReadThatTheDocumentDoesNotSay() {
        assertEquals(List.of(), read("The governors approved the policy in March 2026."));
        assertEquals(List.of(), read("Last updated: soon"));
        assertEquals(List.of(), read("Review date: 31/02/2026"));
    }

    private static List<String> read(String line) {
        return DATES.read(List.of(line)).stream().map(r -> r.attribute() + "=" + r.value()).toList();
    }
}
