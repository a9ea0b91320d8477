package org.polisi.site.forms.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.FormDefinitionException;
import org.polisi.site.forms.FormsFixtures;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.definition.SchoolForms;

/** What a person signed is pinned down: one word of the definition or of the page makes a new version. */
class FormVersionTest {

    private static final String FORM = "digital-images-consent";

    @TempDir
    Path temp;

    @Test
    void theVersionIsTwelveHexDigitsAndStable() throws Exception {
        FormsSchoolContext school = FormsFixtures.rumney();
        FormDefinition form = school.forms().find(FORM).orElseThrow();

        String version = FormVersion.of(form, school, "en", "abc123");
        assertTrue(version.matches("[0-9a-f]{12}"), version);
        assertEquals(version, FormVersion.of(form, school, "en", "abc123"));
    }

    @Test
    void oneWordOfThePageChangesTheVersion() throws Exception {
        FormsSchoolContext school = FormsFixtures.rumney();
        FormDefinition form = school.forms().find(FORM).orElseThrow();

        assertNotEquals(FormVersion.of(form, school, "en", "abc123"), FormVersion.of(form, school, "en", "abc124"));
    }

    @Test
    void oneWordOfTheDefinitionChangesTheVersionInThatLanguageOnly() throws Exception {
        String original = versionsAfter(text -> text);
        String englishEdited = versionsAfter(text -> text.replace("on the school website", "on the school blog"));
        String welshEdited = versionsAfter(text -> text.replace("ar wefan yr ysgol", "ar flog yr ysgol"));

        assertNotEquals(en(original), en(englishEdited));
        assertEquals(cy(original), cy(englishEdited));
        assertEquals(en(original), en(welshEdited));
        assertNotEquals(cy(original), cy(welshEdited));
    }

    /** "en cy" versions of the fixture form after {@code edit}, from a copy in its own folder. */
    private String versionsAfter(java.util.function.UnaryOperator<String> edit) throws IOException, FormDefinitionException {
        Path dir = Files.createTempDirectory(temp, "forms");
        String yaml = Files.readString(FormsFixtures.dir("cluster/forms").resolve(FORM + ".yml"), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(FORM + ".yml"), edit.apply(yaml), StandardCharsets.UTF_8);
        FormsSchoolContext school = FormsFixtures.rumney(SchoolForms.load("rumney", FormsFixtures.BILINGUAL, List.of(dir)));
        FormDefinition form = school.forms().find(FORM).orElseThrow();
        return FormVersion.of(form, school, "en", "abc123") + " " + FormVersion.of(form, school, "cy", "abc123");
    }

    private static String en(String versions) {
        return versions.split(" ")[0];
    }

    private static String cy(String versions) {
        return versions.split(" ")[1];
    }
}
