package org.polisi.site.forms.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.asciidoctor.Asciidoctor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.FormsFixtures;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.contract.SignerGroup;
import org.polisi.site.forms.markup.FormsSession;

/** The manifest tells the server exactly what the pages rendered. */
class FormsManifestWriterTest {

    private static final String EN_URL = "/rumney/en/appendix-d-digital-images-consent.html";
    private static final String CY_URL = "/rumney/cy/appendix-d-digital-images-consent.html";
    private static Asciidoctor asciidoctor;

    @TempDir
    Path manifests;

    @BeforeAll
    static void startAsciidoctor() {
        asciidoctor = Asciidoctor.Factory.create();
    }

    @AfterAll
    static void stopAsciidoctor() {
        asciidoctor.shutdown();
    }

    @Test
    void anAgreementCarriesWhoSignsItWithoutItChangingTheFormVersion() throws Exception {
        FormsSchoolContext school = FormsFixtures.rumney();
        FormsManifestWriter.write(manifests, "rumney", school, List.of());
        JsonNode manifest = new ObjectMapper().readTree(manifests.resolve("rumney.json").toFile());
        for (JsonNode form : manifest.get("forms")) {
            if (form.get("id").asText().equals("parent-carer-agreement")) {
                assertEquals("parents", form.get("signedBy").asText());
            } else {
                assertTrue(form.path("signedBy").isMissingNode(), form.get("id") + " is not an agreement");
            }
        }
        FormDefinition agreement = school.forms().find("parent-carer-agreement").orElseThrow();
        FormDefinition signedByStaff = changed(agreement, java.util.Optional.of(SignerGroup.STAFF), agreement.urgentSteps());
        assertEquals(FormVersion.of(agreement, school, "en", "abcdef012345"), FormVersion.of(signedByStaff, school, "en", "abcdef012345"),
                "who signs is not what is signed");
    }

    /**
     * ADR 0101: what the school calls its staff roles (its {@code <role>-title} attributes) goes into
     * the manifest for the server's pages, and changes no form's text or version.
     */
    @Test
    void aSchoolsRoleTitlesGoIntoTheManifestWithoutChangingAnyFormsVersion() throws Exception {
        FormsSchoolContext plain = FormsFixtures.rumney();
        java.util.Map<String, java.util.Map<String, String>> titles = org.polisi.site.compose.FormReferences.roleTitles(
                java.util.Map.of("online-safety-coordinator-title", org.polisi.site.content.LocalizedText.of(
                                java.util.Map.of("en", "Digital Leader", "cy", "Arweinydd Digidol")),
                        "headteacher-title", org.polisi.site.content.LocalizedText.of(java.util.Map.of("en", "Head of School")),
                        "chair-of-governors-title", org.polisi.site.content.LocalizedText.same("Chair"),
                        "technical-provider", org.polisi.site.content.LocalizedText.same("MCC Digital")),
                List.of("en", "cy"));
        assertEquals(java.util.Map.of("online-safety-coordinator", java.util.Map.of("en", "Digital Leader", "cy", "Arweinydd Digidol"),
                "headteacher", java.util.Map.of("en", "Head of School")), titles, "staff roles only, in the languages given");
        FormsSchoolContext titled = new FormsSchoolContext(plain.forms(), plain.schoolNameByLang(), plain.contactEmail(),
                plain.formsEndpoint(), plain.messagesByLang(), plain.preview(), titles);
        FormsManifestWriter.write(manifests, "rumney", titled, List.of());
        org.polisi.contract.Manifest manifest = org.polisi.contract.ManifestJson.read(manifests.resolve("rumney.json"));
        assertEquals("Arweinydd Digidol", manifest.roleTitle("online-safety-coordinator", "cy").orElseThrow());
        assertEquals(java.util.Optional.empty(), manifest.roleTitle("headteacher", "cy"), "the generic Welsh name stays");
        for (FormDefinition form : plain.forms().all()) {
            for (String language : List.of("en", "cy")) {
                assertEquals(FormVersion.of(form, plain, language, "abcdef012345"),
                        FormVersion.of(form, titled, language, "abcdef012345"), form.id());
            }
        }
    }

    /** The form with another signer group and other urgent steps: neither is part of what is signed. */
    private static FormDefinition changed(FormDefinition form, java.util.Optional<SignerGroup> signedBy,
                                          java.util.Optional<org.polisi.site.forms.definition.LocalizedText> urgentSteps) {
        return new FormDefinition(form.id(), form.kind(), form.title(), form.introduction(), form.declaration(),
                form.confirmation(), form.readerRole(), form.alerts(), form.retention(), form.purpose(),
                form.lawfulBasis(), form.fields(), signedBy, urgentSteps, form.source(), form.retentionLine());
    }

    /** ADR 0081: Rumney's incident form carries its policy's urgent steps, word for word, outside its version. */
    @Test
    void anIncidentFormCarriesItsPolicysUrgentStepsWithoutThemChangingTheFormVersion() throws Exception {
        // Rumney's own forms, as published (the fixture's forms have no incident form)
        FormsSchoolContext school = FormsFixtures.rumney(org.polisi.site.forms.definition.SchoolForms.load("rumney",
                FormsFixtures.BILINGUAL, List.of(java.nio.file.Path.of("../content/schools/rumney/forms"))));
        FormsManifestWriter.write(manifests, "rumney", school, List.of());
        JsonNode manifest = new ObjectMapper().readTree(manifests.resolve("rumney.json").toFile());
        for (JsonNode form : manifest.get("forms")) {
            if (form.get("id").asText().equals("incident-report")) {
                String[] english = form.get("urgentSteps").get("en").asText().split("\n");
                assertEquals(2, english.length, form.get("urgentSteps").toString());
                assertTrue(english[0].startsWith("Report to Police using any number"), english[0]);
                assertTrue(english[1].endsWith("Do not ask leading questions"), english[1]);
                assertTrue(form.get("urgentSteps").get("cy").asText().endsWith("Peidiwch â gofyn cwestiynau arweiniol"));
                // tester 2, finding 6: its confirmation says "the headteacher will always be informed", so
                // every report (not only an urgent one) alerts the headteacher
                assertTrue(form.get("confirmation").get("en").asText().contains("headteacher will always be informed"));
                assertTrue(form.get("notify").get("incident").toString().contains("headteacher"), form.get("notify").toString());
            } else {
                assertTrue(form.path("urgentSteps").isMissingNode(), form.get("id") + " gives no urgent steps");
            }
        }
        FormDefinition incident = school.forms().find("incident-report").orElseThrow();
        FormDefinition withoutSteps = changed(incident, incident.signedBy(), java.util.Optional.empty());
        assertEquals(FormVersion.of(incident, school, "en", "abcdef012345"),
                FormVersion.of(withoutSteps, school, "en", "abcdef012345"), "the steps are shown, not signed");
    }

    @Test
    void theManifestCarriesTheSchoolAndEveryFormWithWhatWasRendered() throws Exception {
        FormsSchoolContext school = FormsFixtures.rumney();
        FormsSession session = new FormsSession(Map.of("rumney", school));
        Document english = Jsoup.parse(FormsFixtures.convert(asciidoctor, session, "en", "e1", EN_URL, FormsFixtures.page("digital-images-consent")));
        Document welsh = Jsoup.parse(FormsFixtures.convert(asciidoctor, session, "cy", "c1", CY_URL, FormsFixtures.page("digital-images-consent")));
        List<RenderedForm> rendered = session.rendered();

        FormsManifestWriter.write(manifests, "rumney", school, rendered);
        JsonNode manifest = new ObjectMapper().readTree(manifests.resolve("rumney.json").toFile());

        assertEquals("rumney", manifest.get("school").asText());
        assertEquals("Ysgol Gynradd Rumney", manifest.get("schoolName").get("cy").asText());
        assertEquals("[\"en\",\"cy\"]", manifest.get("languages").toString());
        assertEquals("office@rumney.example.sch.uk", manifest.get("contactEmail").asText());
        assertEquals("/forms/rumney", manifest.get("endpoint").asText());
        List<String> ids = new ArrayList<>();
        manifest.get("forms").forEach(form -> ids.add(form.get("id").asText()));
        assertEquals(List.of("digital-images-consent", "parent-carer-agreement"), ids);

        JsonNode consent = manifest.get("forms").get(0);
        assertEquals("consent", consent.get("kind").asText());
        assertEquals("headteacher", consent.get("readerRole").asText());
        assertEquals("{\"rule\":\"after-pupil-leaves\",\"amount\":1,\"unit\":\"years\",\"yearGroupField\":\"year-group\","
                + "\"lastYearGroup\":\"year-6\",\"confirm\":\"the fixture school must confirm it\"}",
                consent.get("retention").toString());
        assertEquals(version(english), consent.get("versions").get("en").asText());
        assertEquals(version(welsh), consent.get("versions").get("cy").asText());
        assertEquals(EN_URL, consent.get("pages").get("en").asText());
        assertEquals(CY_URL, consent.get("pages").get("cy").asText());
        assertEquals("Defnyddio delweddau digidol a fideo", consent.get("title").get("cy").asText());
        assertEquals("hyd flwyddyn ar ôl diwedd y flwyddyn ysgol pan fydd eich plentyn yn gadael yr ysgol (os ydych"
                + " yn enwi mwy nag un plentyn, yr ieuengaf).", consent.get("retentionText").get("cy").asText());
        assertEquals("until 1 year after the end of the school year in which your child leaves the school (if you name"
                + " more than one child, the youngest).", consent.get("retentionText").get("en").asText());
        assertEquals("We have your answers.", consent.get("confirmation").get("en").asText());
        assertEquals(fieldNamesIn(english), fieldNamesIn(consent));
    }

    @Test
    void fieldsCarryTheirLimitsOptionsAndStatements() throws Exception {
        FormsSchoolContext school = FormsFixtures.rumney();
        FormsManifestWriter.write(manifests, "rumney", school, List.of());
        JsonNode fields = new ObjectMapper().readTree(manifests.resolve("rumney.json").toFile()).get("forms").get(0).get("fields");

        JsonNode pupils = fields.get(0);
        assertEquals("pupil-names", pupils.get("type").asText());
        assertTrue(pupils.get("required").asBoolean());
        assertEquals(100, pupils.get("maxLength").asInt());
        assertEquals(3, pupils.get("maxItems").asInt());
        assertEquals("Enw'r disgybl", pupils.get("label").get("cy").asText());
        JsonNode yearGroup = fields.get(1);
        assertEquals(List.of("nursery", "reception", "year-1", "year-2", "year-3", "year-4", "year-5", "year-6"),
                yearGroup.get("options").findValuesAsText("value"));
        assertEquals("Blwyddyn 6", yearGroup.get("options").get(7).get("label").get("cy").asText());
        JsonNode consent = fields.get(5);
        assertEquals("photos-on-website", consent.get("statements").get(0).get("id").asText());
        assertEquals("Caiff fy mhlentyn ei ffilmio yn y dosbarth", consent.get("statements").get(1).get("text").get("cy").asText());
        assertTrue(consent.get("options").isEmpty());
    }

    @Test
    void aFormNeverRenderedHasNoVersionsOrPages() throws Exception {
        FormsManifestWriter.write(manifests, "rumney", FormsFixtures.rumney(), List.of());
        JsonNode agreement = new ObjectMapper().readTree(manifests.resolve("rumney.json").toFile()).get("forms").get(1);

        assertEquals("parent-carer-agreement", agreement.get("id").asText());
        assertTrue(agreement.get("versions").isEmpty());
        assertTrue(agreement.get("pages").isEmpty());
    }

    @Test
    void twoVersionsOfOneFormInOneLanguageAreRefused() throws Exception {
        List<RenderedForm> rendered = List.of(
                new RenderedForm("rumney", "digital-images-consent", "en", "aaaaaaaaaaaa", "/rumney/en/a.html"),
                new RenderedForm("rumney", "digital-images-consent", "en", "bbbbbbbbbbbb", "/rumney/en/b.html"));

        assertThrows(IllegalArgumentException.class, () -> FormsManifestWriter.write(manifests, "rumney", FormsFixtures.rumney(), rendered));
        assertTrue(Files.notExists(manifests.resolve("rumney.json")));
    }

    private static String version(Document page) {
        return page.selectFirst("input[name=form-version]").attr("value");
    }

    /** The names the form posts, as field names: {@code consent.photos-on-website} belongs to {@code consent}. */
    private static Set<String> fieldNamesIn(Document page) {
        Set<String> names = new LinkedHashSet<>();
        for (Element input : page.select("form input:not([type=hidden]):not([name=website]), form select, form textarea")) {
            names.add(input.attr("name").replaceFirst("\\..*", ""));
        }
        return names;
    }

    private static Set<String> fieldNamesIn(JsonNode form) {
        List<String> names = new ArrayList<>();
        form.get("fields").forEach(field -> names.add(field.get("name").asText()));
        return new LinkedHashSet<>(names);
    }
}
