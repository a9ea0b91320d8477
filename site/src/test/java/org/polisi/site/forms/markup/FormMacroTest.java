package org.polisi.site.forms.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.extension.ExtensionGroup;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.forms.definition.FormDefinitionException;
import org.polisi.site.forms.FormsFixtures;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.forms.manifest.RenderedForm;

/**
 * form::x[] through a real Asciidoctor, with the macro registered as an instance bound to one
 * session, as the renderer registers it for each build.
 */
class FormMacroTest {

    private static final String CONSENT_URL = "/rumney/en/appendix-d-digital-images-consent.html";
    private static Asciidoctor asciidoctor;

    @BeforeAll
    static void startAsciidoctor() {
        asciidoctor = Asciidoctor.Factory.create();
    }

    @AfterAll
    static void stopAsciidoctor() {
        asciidoctor.shutdown();
    }

    /** The session of the last {@link #render}: what it rendered and found wrong. */
    private FormsSession session;

    @Test
    void theFormPostsPlainlyToTheSchoolsEndpointWithItsHiddenFields() throws Exception {
        Element form = render("en", "abc123").selectFirst("section.polisi-form form");

        assertEquals("/forms/rumney/digital-images-consent", form.attr("action"));
        assertEquals("post", form.attr("method"));
        assertTrue(form.hasAttr("novalidate"));
        assertEquals("UTF-8", form.attr("accept-charset"));
        assertEquals("digital-images-consent", hidden(form, "form-id"));
        assertEquals("en", hidden(form, "form-lang"));
        assertTrue(hidden(form, "form-version").matches("[0-9a-f]{12}"));
        assertEquals("", form.selectFirst("div.error-summary-region").html());
        assertEquals(1, form.select("button:not([name=add-another]):not([name=switch-language])").size());
        // the form's own button comes first, so Enter in a box sends the form rather than switch language
        assertEquals("", form.selectFirst("button[type=submit]:not([name=add-another])").attr("name"));
        Element switching = form.selectFirst("button[name=switch-language]");
        assertEquals("cy", switching.attr("value"));
        assertEquals("cy", switching.attr("lang"));
        assertEquals("Llenwi'r ffurflen hon yn Gymraeg: bydd eich atebion yn cael eu cadw", switching.text());
        assertEquals("submit", form.selectFirst("button:not([name=add-another])").attr("type"));
        // a consent is sent from the server's check-your-answers page (docs/adr/0052): here it continues there
        assertEquals("yes", hidden(form, "check-answers"));
        assertEquals("Continue", form.selectFirst("button:not([name=add-another])").text());
    }

    @Test
    void theTitleIsAnH2UnderThePagesH1AndSubHeadingsAreH3() throws Exception {
        Document page = Jsoup.parse("<h1>Policy</h1>" + render("en", "abc123").body().html());
        Element section = page.selectFirst("section.polisi-form");

        assertEquals("digital-images-consent--title", section.attr("aria-labelledby"));
        assertEquals("Use of digital and video images", section.selectFirst("h2#digital-images-consent--title").text());
        assertEquals(List.of("h2", "h3", "h3"), section.select("h1, h2, h3, h4, h5, h6").stream().map(Element::tagName).toList());
    }

    @Test
    void everyInputHasALabelAndHintsAreTiedByAriaDescribedby() throws Exception {
        Element form = render("en", "abc123").selectFirst("section.polisi-form form");

        for (Element input : form.select("input:not([type=hidden]), select, textarea")) {
            Element label = form.selectFirst("label[for=" + input.id() + "]");
            assertNotNull(label, "no label for " + input.outerHtml());
            assertFalse(label.text().isBlank());
        }
        Element email = form.selectFirst("#digital-images-consent--email");
        assertEquals("digital-images-consent--email--hint", email.attr("aria-describedby"));
        assertEquals("We will only use this to reply to you", form.selectFirst("#digital-images-consent--email--hint").text());
    }

    @Test
    void singleInputsHaveTheirTypeLimitsAndAutocomplete() throws Exception {
        Element form = render("en", "abc123").selectFirst("form");

        Element name = form.selectFirst("#digital-images-consent--parent-name");
        assertEquals("parent-name", name.attr("name"));
        assertEquals("text", name.attr("type"));
        assertEquals("name", name.attr("autocomplete"));
        assertEquals("100", name.attr("maxlength"));
        Element email = form.selectFirst("#digital-images-consent--email");
        assertEquals("email", email.attr("type"));
        assertEquals("email", email.attr("autocomplete"));
        assertEquals("false", email.attr("spellcheck"));
        assertEquals("254", email.attr("maxlength"));
        assertEquals("date", form.selectFirst("#digital-images-consent--signed-on").attr("type"));
        assertEquals("parent-name", name.parent().attr("data-field"));
    }

    @Test
    void optionalFieldsSayOptionalAndRequiredOnesSayNothing() throws Exception {
        Element form = render("en", "abc123").selectFirst("form");

        assertEquals("Email address (optional)", form.selectFirst("label[for=digital-images-consent--email]").text());
        assertEquals("Your name", form.selectFirst("label[for=digital-images-consent--parent-name]").text());
        assertTrue(form.select("[required]").isEmpty(), "GOV.UK style: the server checks, the browser does not");
    }

    @Test
    void yearGroupIsASelectOfNurseryToYear6() throws Exception {
        Element select = render("cy", "abc123").selectFirst("select#digital-images-consent--year-group");

        assertEquals("year-group", select.attr("name"));
        assertEquals(List.of("", "nursery", "reception", "year-1", "year-2", "year-3", "year-4", "year-5", "year-6"),
                select.select("option").eachAttr("value"));
        assertEquals(List.of("Dewiswch un", "Meithrin", "Derbyn", "Blwyddyn 1", "Blwyddyn 2", "Blwyddyn 3",
                "Blwyddyn 4", "Blwyddyn 5", "Blwyddyn 6"), select.select("option").eachText());
    }

    /** GOV.UK "add another": one box, and a button that works without JavaScript (a submit the server answers). */
    @Test
    void pupilNamesAreOneBoxAndAnAddAnotherButton() throws Exception {
        Element fieldset = render("en", "abc123").selectFirst("[data-field=pupil-names] fieldset");

        assertEquals("Name of pupil", fieldset.selectFirst("legend").text());
        assertEquals("digital-images-consent--pupil-names--hint", fieldset.attr("aria-describedby"));
        Elements inputs = fieldset.select("input");
        assertEquals(List.of("digital-images-consent--pupil-names--1"), inputs.eachAttr("id"));
        assertEquals(List.of("pupil-names"), inputs.eachAttr("name"));
        assertEquals(List.of("Pupil 1"), fieldset.select("label").eachText());
        assertEquals("100", inputs.get(0).attr("maxlength"));
        assertEquals("pupil-names", fieldset.attr("data-add-another"));
        assertEquals("3", fieldset.attr("data-max-items"));
        assertEquals("Pupil {n}", fieldset.attr("data-item-label"));
        Element add = fieldset.selectFirst("button");
        assertEquals(List.of("submit", "add-another", "pupil-names", "Add another pupil"),
                List.of(add.attr("type"), add.attr("name"), add.attr("value"), add.text()));
    }

    @Test
    void eachConsentStatementIsItsOwnFieldsetWithGivenAndRefused() throws Exception {
        Element form = render("en", "abc123").selectFirst("form");

        Element group = form.selectFirst("[data-field=consent.photos-on-website]");
        Element fieldset = group.selectFirst("fieldset");
        assertEquals("Photographs of my child may appear on the school website", fieldset.selectFirst("legend").text());
        assertEquals("digital-images-consent--consent--hint", fieldset.attr("aria-describedby"));
        Elements radios = fieldset.select("input[type=radio]");
        assertEquals(List.of("given", "refused"), radios.eachAttr("value"));
        assertEquals(List.of("consent.photos-on-website", "consent.photos-on-website"), radios.eachAttr("name"));
        assertEquals("digital-images-consent--consent--photos-on-website", radios.get(0).id());
        assertEquals(List.of("I give consent", "I do not give consent"), fieldset.select("label").eachText());
        assertNotNull(form.selectFirst("[data-field=consent.video-in-class] fieldset legend"));
        assertEquals("Your consent", form.selectFirst("h3#digital-images-consent--consent--heading").text());
    }

    @Test
    void radiosCheckboxesSelectsTextareasAndTimesHaveTheirMarkup() throws Exception {
        Element form = Jsoup.parse(FormsFixtures.convert(asciidoctor, new FormsSession(Map.of("rumney", clusterOnly())), "en", "abc123",
                "/rumney/en/agreement.html", FormsFixtures.page("parent-carer-agreement"))).selectFirst("form");

        Element relationship = form.selectFirst("[data-field=relationship] fieldset");
        assertEquals("Your relationship to the pupil", relationship.selectFirst("legend").text());
        assertEquals(List.of("parent", "carer"), relationship.select("input[type=radio]").eachAttr("value"));
        assertEquals("parent-carer-agreement--relationship", relationship.selectFirst("input").id());
        Element devices = form.selectFirst("[data-field=devices] fieldset");
        assertEquals("Devices at home (optional)", devices.selectFirst("legend").text());
        assertEquals(List.of("devices", "devices", "devices"), devices.select("input[type=checkbox]").eachAttr("name"));
        assertEquals(List.of("", "email", "letter"), form.select("select#parent-carer-agreement--contact-by option").eachAttr("value"));
        assertEquals("5000", form.selectFirst("textarea#parent-carer-agreement--comments").attr("maxlength"));
        assertEquals("80", form.selectFirst("#parent-carer-agreement--full-name").attr("maxlength"));
        assertEquals("time", form.selectFirst("#parent-carer-agreement--best-time").attr("type"));
        assertEquals("I have read the policy on this page.", form.selectFirst(".declaration").text());
        assertEquals("yes", hidden(form, "check-answers"), "an agreement is checked before it is recorded");
        assertEquals("Continue", form.selectFirst("button").text(), "\"Accept and send\" is on the check page");
    }

    @Test
    void theHoneypotIsHiddenFromPeopleScreenReadersAndTheKeyboard() throws Exception {
        Element trap = render("en", "abc123").selectFirst("form .honeypot");

        assertEquals("true", trap.attr("aria-hidden"));
        Element input = trap.selectFirst("input[name=website]");
        assertEquals("-1", input.attr("tabindex"));
        assertEquals("off", input.attr("autocomplete"));
        assertEquals(input.id(), trap.selectFirst("label").attr("for"));
        assertEquals("Leave this field empty", trap.selectFirst("label").text());
    }

    @Test
    void thePrivacyNoticeIsBuiltFromTheSchoolAndTheDefinition() throws Exception {
        Element notice = render("en", "abc123").selectFirst("section.polisi-form .privacy-notice");

        assertEquals(List.of(
                "This information is collected by Rumney Primary School.",
                "Why we collect it: to know which photographs of your child we may use",
                "Our lawful basis for using it: your consent",
                "Who will see it: the headteacher",
                "How long we keep it: until 1 year after the end of the school year in which your child leaves the school"
                        + " (if you name more than one child, the youngest).",
                "You have the right to see the information we hold about you, to ask us to correct it or delete it, "
                        + "and to withdraw your consent at any time if you gave it.",
                "Contact us to use these rights or to ask a question: office@rumney.example.sch.uk"),
                notice.select("p").eachText());
        assertEquals("mailto:office@rumney.example.sch.uk", notice.selectFirst("a").attr("href"));
    }

    @Test
    void aWelshPageGetsTheWelshFormAndNotice() throws Exception {
        Document page = render("cy", "abc123");
        Element section = page.selectFirst("section.polisi-form");

        assertEquals("Defnyddio delweddau digidol a fideo", section.selectFirst("h2").text());
        assertEquals("cy", hidden(section.selectFirst("form"), "form-lang"));
        assertEquals("Ysgol Gynradd Rumney sy'n casglu'r wybodaeth hon.", section.selectFirst(".privacy-notice p").text());
        assertTrue(section.selectFirst(".privacy-notice").text().contains("Pwy fydd yn ei gweld: y pennaeth"));
        assertEquals("Cyfeiriad e-bost (dewisol)", section.selectFirst("label[for=digital-images-consent--email]").text());
        assertEquals(List.of("Rwy'n rhoi caniatâd", "Nid wyf yn rhoi caniatâd"),
                section.select("[data-field=consent.photos-on-website] label").eachText());
        assertEquals(List.of("Disgybl 1"), section.select("[data-field=pupil-names] label").eachText());
        assertEquals("Disgybl {n}", section.selectFirst("[data-field=pupil-names] fieldset").attr("data-item-label"));
        assertEquals("Ychwanegu disgybl arall", section.selectFirst("button[name=add-another]").text());
        assertEquals(List.of("Weithiau rydym yn tynnu lluniau o ddisgyblion.", "Dywedwch wrthym beth rydych yn cytuno iddo."),
                section.select(".form-introduction p").eachText());
        assertEquals("Parhau", section.selectFirst("button:not([name=add-another])").text(), "Welsh for Continue");
    }

    @Test
    void thePageHashAndTheLanguageChangeTheVersion() throws Exception {
        String english = hidden(render("en", "abc123").selectFirst("form"), "form-version");
        String englishAgain = hidden(render("en", "abc123").selectFirst("form"), "form-version");
        String otherPage = hidden(render("en", "abc124").selectFirst("form"), "form-version");
        String welsh = hidden(render("cy", "abc123").selectFirst("form"), "form-version");

        assertEquals(english, englishAgain);
        assertNotEquals(english, otherPage);
        assertNotEquals(english, welsh);
    }

    @Test
    void renderingRecordsWhatTheManifestNeeds() throws Exception {
        render("en", "abc123");
        List<RenderedForm> rendered = session.rendered();

        assertEquals(1, rendered.size());
        RenderedForm form = rendered.get(0);
        assertEquals(new RenderedForm("rumney", "digital-images-consent", "en", form.version(), CONSENT_URL), form);
    }

    @Test
    void anUnknownFormIdLeavesAVisibleMarkerAndAProblem() throws Exception {
        session = new FormsSession(Map.of("rumney", FormsFixtures.rumney()));
        Document page = Jsoup.parse(FormsFixtures.convert(asciidoctor, session, "en", "abc123", "/rumney/en/p.html", FormsFixtures.page("no-such-form")));

        assertEquals("This form cannot be shown at the moment. Please contact the school.", page.selectFirst("div.form-missing").text());
        assertTrue(page.select("form").isEmpty());
        assertTrue(page.text().contains("Some text of the policy."), "the rest of the page still renders");
        assertEquals(1, session.problems().size());
        assertTrue(session.problems().get(0).contains("unknown form id 'no-such-form' for school 'rumney'"));
        assertTrue(session.rendered().isEmpty());
    }

    @Test
    void aPageWithoutItsHashIsReportedBecauseTheVersionCouldNotNameWhatWasSigned() throws Exception {
        render("en", "");

        assertEquals(1, session.problems().size());
        assertTrue(session.problems().get(0).contains("no polisi-page-hash"), session.problems().toString());
    }

    @Test
    void convertingOutsideAComposedPageLeavesTheMarkerInsteadOfFailing() throws Exception {
        session = new FormsSession(Map.of("rumney", FormsFixtures.rumney()));
        ExtensionGroup macro = asciidoctor.createGroup().blockMacro(new FormMacro(session, Optional::empty));
        macro.register();
        Document page;
        try {
            page = Jsoup.parse(asciidoctor.convert(FormsFixtures.page("digital-images-consent"),
                    Options.builder().safe(SafeMode.SAFE).standalone(false).build()));
        } finally {
            macro.unregister();
        }

        assertEquals("digital-images-consent", page.selectFirst("div.form-missing").attr("data-form-id"));
        assertTrue(page.select("form").isEmpty());
        assertTrue(session.rendered().isEmpty());
    }

    @Test
    void eachSessionKeepsOnlyWhatWasRenderedInIt() throws Exception {
        render("en", "");
        FormsSession first = session;
        render("en", "abc123");

        assertEquals(1, first.problems().size(), "the first session's problem stays with it");
        assertEquals(List.of(), session.problems(), "the second session starts with none");
        assertEquals(1, session.rendered().size());
    }

    private Document render(String language, String pageHash) throws FormDefinitionException {
        session = new FormsSession(Map.of("rumney", FormsFixtures.rumney()));
        String url = CONSENT_URL.replace("/en/", "/" + language + "/");
        return Jsoup.parse(FormsFixtures.convert(asciidoctor, session, language, pageHash, url, FormsFixtures.page("digital-images-consent")));
    }

    /** The cluster's fuller parent-carer-agreement, as a school that does not override it sees it. */
    private static FormsSchoolContext clusterOnly() throws FormDefinitionException {
        return FormsFixtures.rumney(SchoolForms.load("rumney", FormsFixtures.BILINGUAL, List.of(FormsFixtures.dir("cluster/forms"))));
    }

    private static String hidden(Element form, String name) {
        return form.selectFirst("input[type=hidden][name=" + name + "]").attr("value");
    }
}
