package org.polisi.site.history;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.Fixtures.BakedSite;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes committed without a change note (tester 5, fault 5; docs/adr/0096): a real repository whose
 * commits change a school's page without a note, twice on one day, a template section a school
 * replaces and one it inherits, each without a note, and a correction marked minor. An inspector
 * reading "Updates to this policy" must see every change of the text that was in force, and tell two
 * changes of one day apart.
 */
class UnnotedChangesTest {
    private static PolicyRepository repository;
    private static BakedSite site;
    private static String morning;

    @BeforeAll
    static void buildOverSixCommits() throws Exception {
        repository = PolicyRepository.ofGoodFixture();
        repository.commit(LocalDate.of(2026, 1, 10), "first published");
        repository.edit("schools/solo/en/policy.adoc", "kindly and safely.", "kindly, safely and fairly.");
        morning = repository.commit(LocalDateTime.of(2026, 2, 2, 10, 15), "solo: a change, no note").name();
        repository.edit("schools/solo/en/policy.adoc", ":page-order: 1\n", ":page-order: 1\n:change-note: Pupils must be fair online.\n");
        repository.edit("schools/solo/en/policy.adoc", "every pupil", "each pupil");
        repository.commit(LocalDateTime.of(2026, 2, 2, 16, 40), "solo: a change with its note");
        repository.edit("clusters/demo/en/policy.adoc", "leads online safety across the whole school", "leads online safety in every class");
        repository.commit(LocalDate.of(2026, 3, 3), "template: roles, which adopter replaces, no note");
        repository.edit("clusters/demo/en/policy.adoc", "reviews this policy every year", "reviews this policy every two years");
        repository.edit("clusters/demo/cy/policy.adoc", "bob blwyddyn", "bob dwy flynedd");
        repository.commit(LocalDate.of(2026, 4, 4), "template: review, which adopter inherits, no note");
        repository.edit("schools/solo/en/policy.adoc", ":change-note: Pupils must be fair online.", ":change-note: minor: spelling");
        repository.edit("schools/solo/en/policy.adoc", "each pupil", "each  pupil,");
        repository.commit(LocalDate.of(2026, 5, 5), "solo: a correction marked minor");
        site = Fixtures.bake(repository.content(), List.of());
        assertTrue(site.result().published(), () -> "build failed: " + site.result().problems());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        site.delete();
        repository.close();
    }

    private static List<Element> entries(String page) {
        return site.page(page).select("#updates ol.updates__list > li");
    }

    @Test
    void aChangeWithoutANoteIsListedAndSaysSoAndAMinorOneIsNot() {
        List<Element> entries = entries("solo/en/policy.html");
        assertEquals(3, entries.size(), site.page("solo/en/policy.html").select("#updates").outerHtml());
        assertTrue(entries.get(0).text().contains("Pupils must be fair online."), entries.get(0).text());
        assertTrue(entries.get(1).text().contains(": Changed, with no note of what changed."), entries.get(1).text());
        assertTrue(entries.get(2).text().contains("First published."), entries.get(2).text());
    }

    @Test
    void theTextInForceAfterAChangeWithoutANoteCanBeRead() {
        Element unnoted = entries("solo/en/policy.html").get(1);
        assertEquals(List.of("policy.version-" + morning.substring(0, 12) + ".html", "policy.changes-" + morning.substring(0, 12) + ".html"),
                unnoted.select("a").eachAttr("href"));
        Element body = site.page("solo/en/policy.version-" + morning.substring(0, 12) + ".html").selectFirst("main div.body");
        assertNotNull(body);
        assertTrue(body.text().contains("every pupil to use its computers kindly, safely and fairly."), body.text());
    }

    @Test
    void twoChangesOfOneDayShowTheirTimesAndOthersOnlyTheirDates() {
        List<Element> entries = entries("solo/en/policy.html");
        assertEquals("2026-02-02T16:40", entries.get(0).selectFirst("time").attr("datetime"));
        assertEquals("2 February 2026, 16:40", entries.get(0).selectFirst("time").text());
        assertEquals("2026-02-02T10:15", entries.get(1).selectFirst("time").attr("datetime"));
        assertEquals("2 February 2026, 10:15", entries.get(1).selectFirst("time").text());
        assertEquals("2026-01-10", entries.get(2).selectFirst("time").attr("datetime"));
        assertEquals("10 January 2026", entries.get(2).selectFirst("time").text());
        assertTrue(entries.get(1).text().contains("Read the version of 2 February 2026, 10:15"), entries.get(1).text());
    }

    @Test
    void aTemplateChangeWithoutANoteIsListedWhereTheSchoolInheritsItOnly() {
        List<Element> entries = entries("adopter/en/policy.html");
        assertEquals(2, entries.size(), "the roles change (replaced by the school) is not this page's: "
                + site.page("adopter/en/policy.html").select("#updates").text());
        assertEquals("2026-04-04", entries.get(0).selectFirst("time").attr("datetime"));
        assertTrue(entries.get(0).text().contains("Changed, with no note of what changed."), entries.get(0).text());
        assertEquals("2026-01-10", entries.get(1).selectFirst("time").attr("datetime"));
    }

    @Test
    void theWelshSaysSoInWelsh() {
        Document welsh = site.page("adopter/cy/policy.html");
        List<Element> entries = welsh.select("#updates ol.updates__list > li");
        assertEquals(2, entries.size(), welsh.select("#updates").text());
        assertTrue(entries.get(0).text().startsWith("4 Ebrill 2026: Newidiwyd, heb nodyn am yr hyn a newidiwyd."), entries.get(0).text());
    }
}
