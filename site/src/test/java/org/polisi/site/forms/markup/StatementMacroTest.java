package org.polisi.site.forms.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.asciidoctor.Asciidoctor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.forms.FormsFixtures;
import org.polisi.site.forms.definition.FormDefinitionException;
import org.polisi.site.forms.definition.SchoolForms;

/** statement:form[id] through a real Asciidoctor, which finds the macro through the extension SPI (issue 15). */
class StatementMacroTest {
    private static Asciidoctor asciidoctor;

    @BeforeAll
    static void startAsciidoctor() {
        asciidoctor = Asciidoctor.Factory.create();
    }

    @AfterAll
    static void stopAsciidoctor() {
        asciidoctor.shutdown();
    }

    /** The session of the last {@link #render}: what it found wrong. */
    private FormsSession session;

    @Test
    void aConsentStatementIsShownInThePagesLanguageFromTheFormDefinition() throws Exception {
        for (var expected : Map.of("en", "Photographs of my child may appear on the school website",
                "cy", "Caiff lluniau o fy mhlentyn ymddangos ar wefan yr ysgol").entrySet()) {
            Element statement = render(expected.getKey(), "* statement:digital-images-consent[photos-on-website]\n")
                    .selectFirst("li span.form-statement");
            assertEquals(expected.getValue(), statement.text());
            assertEquals("digital-images-consent", statement.attr("data-form-id"));
            assertEquals("photos-on-website", statement.attr("data-statement-id"));
        }
        assertEquals(0, session.problems().size());
    }

    @Test
    void theDeclarationIsNamedDeclaration() throws Exception {
        SchoolForms cluster = SchoolForms.load("rumney", FormsFixtures.BILINGUAL, List.of(FormsFixtures.dir("cluster/forms")));
        session = new FormsSession(Map.of("rumney", FormsFixtures.rumney(cluster)));
        Document page = Jsoup.parse(FormsFixtures.convert(asciidoctor, session, "cy", "abc123", "/rumney/cy/p.html",
                "statement:parent-carer-agreement[declaration]\n"));
        assertEquals("Rwyf wedi darllen y polisi ar y dudalen hon.", page.selectFirst("span.form-statement").text());
        assertEquals(0, session.problems().size());
    }

    /** A statement the person ticks to agree to (a checkboxes option, as Rumney's promise in Appendix D) is shown too. */
    @Test
    void aCheckboxesOptionIsAnAgreementStatementShownByItsValue() throws Exception {
        SchoolForms cluster = SchoolForms.load("rumney", FormsFixtures.BILINGUAL, List.of(FormsFixtures.dir("cluster/forms")));
        session = new FormsSession(Map.of("rumney", FormsFixtures.rumney(cluster)));
        for (var expected : Map.of("en", "Laptop", "cy", "Gliniadur").entrySet()) {
            Document page = Jsoup.parse(FormsFixtures.convert(asciidoctor, session, expected.getKey(), "abc123",
                    "/rumney/" + expected.getKey() + "/p.html", "statement:parent-carer-agreement[laptop]\n"));
            assertEquals(expected.getValue(), page.selectFirst("span.form-statement").text());
            assertEquals("laptop", page.selectFirst("span.form-statement").attr("data-statement-id"));
        }
        assertEquals(0, session.problems().size());
    }

    @Test
    void aFormWithoutADeclarationHasNoneToShow() throws Exception {
        render("en", "statement:parent-carer-agreement[declaration]\n");   // the school's override has none
        assertEquals(1, session.problems().size());
    }

    @Test
    void theWordsAreEscapedNotMarkup() throws Exception {
        Document page = render("en", "statement:digital-images-consent[video-in-class] and *more*\n");
        assertEquals("My child may be filmed in class", page.selectFirst("span.form-statement").text());
        assertTrue(page.select("span.form-statement *").isEmpty());
    }

    @Test
    void anUnknownStatementOrFormIsAProblemThatNamesItAndLeavesTheMacroVisible() throws Exception {
        Document page = render("en", "statement:digital-images-consent[no-such-statement]\n\nstatement:no-such-form[declaration]\n");
        assertEquals(2, session.problems().size(), session.problems().toString());
        assertTrue(session.problems().get(0).contains("statement:digital-images-consent[no-such-statement]"));
        assertTrue(session.problems().get(1).contains("no form 'no-such-form'"));
        assertEquals("statement:digital-images-consent[no-such-statement]", page.selectFirst("span.form-statement").text());
    }

    private Document render(String language, String body) throws FormDefinitionException {
        session = new FormsSession(Map.of("rumney", FormsFixtures.rumney()));
        return Jsoup.parse(FormsFixtures.convert(asciidoctor, session, language, "abc123", "/rumney/" + language + "/p.html", body));
    }
}
