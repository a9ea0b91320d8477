package org.polisi.site.forms.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polisi.site.forms.FormsFixtures;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormKind;
import org.polisi.contract.RetentionRule;

class SchoolFormsTest {

    @Test
    void aSchoolHasItsTemplatesFormsAndItsOwnOverrideWins() throws FormDefinitionException {
        SchoolForms forms = FormsFixtures.rumneyForms();

        assertEquals(List.of("digital-images-consent", "parent-carer-agreement"),
                forms.all().stream().map(FormDefinition::id).toList());
        FormDefinition agreement = forms.find("parent-carer-agreement").orElseThrow();
        assertEquals("Rumney parent agreement", agreement.title().in("en"));
        assertTrue(agreement.source().toString().contains("/school/forms/"), agreement.source().toString());
        assertTrue(forms.contains("digital-images-consent"));
        assertFalse(forms.contains("no-such-form"));
    }

    @Test
    void aFolderThatDoesNotExistHasNoForms() throws FormDefinitionException {
        SchoolForms forms = SchoolForms.load("rumney", FormsFixtures.BILINGUAL, List.of(Path.of("no/such/forms")));
        assertTrue(forms.all().isEmpty());
    }

    @Test
    void theSameIdTwiceInOneSchoolsFolderFailsTheBuild() {
        List<FormProblem> problems = FormDefinitionReaderTest.problems("duplicate-id");

        assertEquals(1, problems.size(), problems.toString());
        FormProblem problem = problems.get(0);
        assertTrue(problem.file().endsWith(Path.of("duplicate-id/photo-consent.yml")), problem.toString());
        assertTrue(problem.message().contains("form id 'photo-consent' is already defined in "), problem.toString());
        assertTrue(problem.message().contains("archive/photo-consent.yml"), problem.toString());
    }

    @Test
    void definitionsKeepTheirTypesLimitsAndDefaults() throws FormDefinitionException {
        FormDefinition consent = FormsFixtures.rumneyForms().find("digital-images-consent").orElseThrow();

        assertEquals(FormKind.CONSENT, consent.kind());
        assertEquals(RetentionRule.Rule.AFTER_PUPIL_LEAVES, consent.retention().rule());
        assertEquals(1, consent.retention().amount());
        assertEquals(java.util.Optional.of("year-group"), consent.retention().yearGroupFieldName());
        FormField pupils = consent.fields().get(0);
        assertEquals(FieldType.PUPIL_NAMES, pupils.type());
        assertEquals(3, pupils.maxItems());
        assertEquals(100, pupils.maxLength());
        assertEquals(254, consent.fields().get(3).maxLength());
        assertEquals(List.of("photos-on-website", "video-in-class"),
                consent.fields().get(5).statements().stream().map(ConsentStatement::id).toList());
    }
}
