package org.polisi.site.forms.markup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fault in one form's file is reported there, once, and not again on every page that names a form
 * of the school (tester 7's finding 8: `years: 0` in one form gave ten "has no form ... with a
 * statement" errors on another, unchanged page).
 */
class FormFaultEchoTest {
    private static final String OTHER_FORM = """
            id: other-agreement
            kind: agreement
            signed-by: staff
            title:
              en: Other agreement
              cy: Cytundeb arall
            declaration:
              en: I agree.
              cy: Rwy'n cytuno.
            confirmation:
              en: The headteacher will see your agreement.
              cy: Bydd y pennaeth yn gweld eich cytundeb.
            reader-role: headteacher
            retention:
              rule: after-submission
              years: %s
            purpose:
              en: To keep a record.
              cy: Er mwyn cadw cofnod.
            lawful-basis:
              en: "Public task (UK GDPR Article 6(1)(e))."
              cy: "Tasg gyhoeddus (Erthygl 6(1)(e) GDPR y DU)."
            fields:
              - name: staff-name
                type: name
                label:
                  en: Your full name
                  cy: Eich enw llawn
                required: true
            """;

    private static FixtureTree school(Path folder, String years) {
        FixtureTree tree = FixtureTree.copyOf("agreement", folder);
        for (String language : List.of("en", "cy")) {
            String page = tree.read("schools/hillside/" + language + "/staff-agreement.adoc");
            tree.write("schools/hillside/" + language + "/staff-agreement.adoc",
                    page.replace("form::staff-agreement[]", "* statement:staff-agreement[declaration]\n\nform::staff-agreement[]"));
        }
        return tree.write("schools/hillside/forms/other-agreement.yml", OTHER_FORM.formatted(years));
    }

    @Test
    void aWellFormedSchoolHasNoError(@TempDir Path folder) {
        BuildResult result = school(folder, "8").build("hillside");
        assertEquals(List.of(), result.errors(), "the fixture is right as it is");
    }

    @Test
    void anUnreadableFormIsOneErrorAtItsLineAndNothingOnThePagesOfTheOtherForms(@TempDir Path folder) {
        for (String years : List.of("0", "[oops")) {
            BuildResult result = school(folder.resolve(Integer.toString(years.length())), years).build("hillside");
            List<Problem> errors = result.errors();
            assertTrue(errors.stream().allMatch(p -> p.code().equals("bad-form")
                            && p.file().getFileName().toString().equals("other-agreement.yml")),
                    "only the faulty file is named: " + errors);
            assertTrue(!errors.isEmpty(), "the fault itself is reported");
        }
    }
}
