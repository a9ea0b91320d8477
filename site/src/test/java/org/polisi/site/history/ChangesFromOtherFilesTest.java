package org.polisi.site.history;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures.BakedSite;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Changes that reach a page from another file (tester 6's N3; docs/adr/0099): a real repository of
 * the bilingual {@code agreement} fixture whose commits change the form's declaration, a setting the
 * page's text uses, a setting it does not use, and the form's Welsh only. What a reader sees on the
 * page changed in each but the third, and "Updates to this policy" must say so, in each language
 * where it changed.
 */
class ChangesFromOtherFilesTest {
    static final String FORM = "schools/hillside/forms/staff-agreement.yml";
    static final String SETTINGS = "schools/hillside/school.yml";
    static final String ENGLISH = "schools/hillside/en/staff-agreement.adoc";
    static final String WELSH = "schools/hillside/cy/staff-agreement.adoc";

    private static PolicyRepository repository;
    private static BakedSite site;
    private static String declared;

    /** The agreement fixture, its page's text naming the headteacher (a setting) in each language. */
    static PolicyRepository agreementNamingTheHeadteacher() throws Exception {
        PolicyRepository repository = PolicyRepository.of("agreement");
        repository.edit(ENGLISH, "Staff keep their passwords to themselves.",
                "Staff keep their passwords to themselves. {headteacher} keeps the signed agreements.");
        repository.edit(WELSH, "Mae staff yn cadw eu cyfrineiriau iddyn nhw eu hunain.",
                "Mae staff yn cadw eu cyfrineiriau iddyn nhw eu hunain. Mae {headteacher} yn cadw'r cytundebau.");
        repository.commit(LocalDate.of(2026, 1, 10), "first published");
        return repository;
    }

    @BeforeAll
    static void buildOverFiveCommits() throws Exception {
        repository = agreementNamingTheHeadteacher();
        repository.edit(FORM, "I agree to follow it.", "I agree to follow it and to report any breach.");
        repository.edit(FORM, "ac rwy'n cytuno i'w ddilyn.", "ac rwy'n cytuno i'w ddilyn ac i roi gwybod am unrhyw dor-rheol.");
        declared = repository.commit(LocalDate.of(2026, 2, 2), "the declaration, in both languages, no note").name();
        repository.edit(SETTINGS, "headteacher: Mrs Rhian Example", "headteacher: Mr Dafydd Example");
        repository.commit(LocalDate.of(2026, 3, 3), "a new headteacher, whom the page names");
        repository.edit(SETTINGS, "  headteacher: Mr Dafydd Example\n", "  headteacher: Mr Dafydd Example\n  safeguarding-lead: Ms Nia Example\n");
        repository.commit(LocalDate.of(2026, 4, 4), "a setting the page does not use");
        repository.edit(FORM, "Bydd y pennaeth yn gweld eich cytundeb.", "Bydd y pennaeth yn gweld ac yn cadw eich cytundeb.");
        repository.commit(LocalDate.of(2026, 5, 5), "the form's Welsh only");
        site = repository.bake();
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (PolicyRepository closing = repository) {
            site.delete();
        }
    }

    private static List<String> dates(String page) {
        return site.page(page).select("#updates ol.updates__list > li time").eachAttr("datetime");
    }

    @Test
    void theEnglishPageListsTheDeclarationAndTheSettingItUsesNotTheOneItDoesNot() {
        assertEquals(List.of("2026-03-03", "2026-02-02", "2026-01-10"), dates("hillside/en/staff-agreement.html"),
                site.page("hillside/en/staff-agreement.html").select("#updates").outerHtml());
        Element declaration = site.page("hillside/en/staff-agreement.html").select("#updates ol.updates__list > li").get(1);
        assertTrue(declaration.text().contains("Changed, with no note of what changed."), declaration.text());
    }

    @Test
    void theWelshPageListsItsOwnFormChangeToo() {
        assertEquals(List.of("2026-05-05", "2026-03-03", "2026-02-02", "2026-01-10"), dates("hillside/cy/staff-agreement.html"),
                site.page("hillside/cy/staff-agreement.html").select("#updates").outerHtml());
        Element welsh = site.page("hillside/cy/staff-agreement.html").select("#updates ol.updates__list > li").get(0);
        assertTrue(welsh.text().contains("Newidiwyd, heb nodyn am yr hyn a newidiwyd."), welsh.text());
    }

    @Test
    void anEarlierVersionShowsTheSettingsOfItsDay() {
        String version = "hillside/en/staff-agreement.version-" + declared.substring(0, 12) + ".html";
        Element entry = site.page("hillside/en/staff-agreement.html").select("#updates ol.updates__list > li").get(1);
        assertTrue(entry.select("a").eachAttr("href").contains("staff-agreement.version-" + declared.substring(0, 12) + ".html"),
                entry.outerHtml());
        Document earlier = site.page(version);
        Element body = earlier.selectFirst("main div.body");
        assertNotNull(body, earlier.outerHtml());
        assertTrue(body.text().contains("Mrs Rhian Example keeps the signed agreements."), body.text());
    }
}
