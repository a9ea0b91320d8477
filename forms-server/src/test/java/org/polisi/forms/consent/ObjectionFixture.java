package org.polisi.forms.consent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.polisi.forms.TestServer;
import org.polisi.forms.archive.AgreedText;
import org.polisi.forms.config.ConfigLoader;

/**
 * The test school with a notice of objection besides its fixture's forms: Brynford's photographs
 * form (content/schools/brynford/forms/photo-objection.yml) cut down, in the manifest and in the
 * archive of agreed texts, both copied into the test's folder so the shared fixture stays as it is.
 */
final class ObjectionFixture {

    static final String FORM = "photo-objection";
    static final String PHOTOS = "Images of my child being taken and used online, for example on the school website.";
    static final String PHOTOS_CY = "Tynnu delweddau o fy mhlentyn a'u defnyddio ar-lein, er enghraifft ar wefan yr ysgol.";
    static final String WORK = "My child's work appearing online.";
    static final String LABEL_CY = "Yr hyn NAD ydych yn rhoi caniatâd iddo";

    /** The form's definition as the archive holds it (without its versions, which hash it). */
    private static final String DEFINITION = """
            {"id": "photo-objection", "kind": "objection", "readerRole": "headteacher",
             "notify": {"incident": [], "urgent": []},
             "retention": {"rule": "after-submission", "amount": 8, "unit": "years", "lastYearGroup": "year-6"},
             "pages": {"en": "/testschool/en/photo-objection.html", "cy": "/testschool/cy/photo-objection.html"},
             "title": {"en": "Photographs and work online: telling the school you do not agree",
                       "cy": "Ffotograffau a gwaith ar-lein: dweud wrth yr ysgol nad ydych yn cytuno"},
             "confirmation": {"en": "The school will not use your child's photographs or work online in the ways you ticked.",
                              "cy": "Ni fydd yr ysgol yn defnyddio ffotograffau na gwaith eich plentyn ar-lein yn y ffyrdd a diciwyd gennych."},
             "retentionText": {"en": "for 8 years after it arrives.", "cy": "am 8 mlynedd ar ôl iddi gyrraedd."},
             "purpose": {"en": "To record what you do not agree to.", "cy": "Er mwyn cofnodi'r hyn nad ydych yn cytuno iddo."},
             "lawfulBasis": {"en": "Public task (UK GDPR Article 6(1)(e)), with your right to object (Article 21).",
                             "cy": "Tasg gyhoeddus (Erthygl 6(1)(e) GDPR y DU), gyda'ch hawl i wrthwynebu (Erthygl 21)."},
             "fields": [
              {"name": "pupil-names", "type": "pupil-names", "required": true, "maxLength": 100, "maxItems": 6,
               "label": {"en": "Your child's full name", "cy": "Enw llawn eich plentyn"}, "options": [], "statements": []},
              {"name": "year-group", "type": "year-group", "required": false,
               "label": {"en": "Your child's year group", "cy": "Grŵp blwyddyn eich plentyn"}, "options": [], "statements": []},
              {"name": "not-agreed", "type": "checkboxes", "required": true,
               "label": {"en": "What you do NOT give permission for", "cy": "%s"},
               "options": [
                {"value": "photographs-online", "label": {"en": "%s", "cy": "%s"}},
                {"value": "work-online", "label": {"en": "%s", "cy": "Gwaith fy mhlentyn yn ymddangos ar-lein."}}],
               "statements": []}]}
            """.formatted(LABEL_CY, PHOTOS, PHOTOS_CY, WORK);

    static final String EN = snapshot("en").versionOfTexts();
    static final String CY = snapshot("cy").versionOfTexts();

    private ObjectionFixture() {
    }

    /** Settings for {@link TestServer#start(org.polisi.forms.config.ServerConfig, java.time.Clock)}: the fixture plus the notice. */
    static ConfigLoader settings(ConfigLoader settings, Path folder) {
        try {
            Path manifests = TestServer.copyOfFixture("manifests", folder.resolve("manifests"));
            Path school = manifests.resolve("testschool.json");
            String json = Files.readString(school, StandardCharsets.UTF_8);
            int forms = json.indexOf("\"forms\"");
            int open = json.indexOf('[', forms);
            String entry = DEFINITION.replaceFirst("\\{", "{\"versions\": {\"en\": \"" + EN + "\", \"cy\": \""
                    + CY + "\"}, ");
            Files.writeString(school, json.substring(0, open + 1) + entry + "," + json.substring(open + 1),
                    StandardCharsets.UTF_8);
            Path texts = TestServer.copyOfFixture("agreed-texts", folder.resolve("agreed-texts"));
            for (String language : List.of("en", "cy")) {
                AgreedText text = snapshot(language);
                Path file = texts.resolve("testschool/" + FORM + "/" + text.formVersion() + ".json");
                Files.createDirectories(file.getParent());
                Files.writeString(file, new ObjectMapper().writeValueAsString(text), StandardCharsets.UTF_8);
            }
            return settings.set("manifest-dir", manifests).set("agreed-texts-dir", texts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The archive's snapshot of one language's version, named by the hash of its texts as the build names it. */
    private static AgreedText snapshot(String language) {
        String definition = "{\"form\": " + DEFINITION.strip() + ", \"language\": \"" + language + "\"}";
        AgreedText unnamed = new AgreedText(AgreedText.FORMAT, "testschool", FORM, "objection", language, "",
                "2026-11-30", "/testschool/" + language + "/photo-objection.html", "Photographs",
                "Photographs and work online", definition, "", "");
        return new AgreedText(unnamed.format(), unnamed.school(), unnamed.formId(), unnamed.formKind(), language,
                unnamed.versionOfTexts(), unnamed.firstPublished(), unnamed.pageUrl(), unnamed.pageTitle(),
                unnamed.formTitle(), definition, "", "");
    }

    /** The post of a notice: its language, the child's name, and the uses ticked (none for an empty notice). */
    static String[] notice(String language, String pupil, String... ticked) {
        List<String> pairs = new ArrayList<>(List.of("form-id", FORM, "form-lang", language,
                "form-version", language.equals("cy") ? CY : EN, "pupil-names", pupil, "year-group", "year-3"));
        for (String use : ticked) {
            pairs.addAll(List.of("not-agreed", use));
        }
        return pairs.toArray(String[]::new);
    }
}
