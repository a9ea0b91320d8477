package org.polisi.site.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A form whose {@code reader-role} the privacy notice has no words for is one error at the form
 * file's {@code reader-role:} line naming the roles there are (issue: "message 'forms.role.head' is
 * missing from forms_en.properties" at the page's line 1, once per language).
 */
class ReaderRoleTest {

    @Test
    void anUnknownReaderRoleIsOneErrorAtItsLineListingTheRoles(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("agreement", folder);
        String form = tree.read("schools/hillside/forms/staff-agreement.yml");
        tree.write("schools/hillside/forms/staff-agreement.yml", form.replace("reader-role: headteacher", "reader-role: head"));
        int line = form.lines().toList().indexOf("reader-role: headteacher") + 1;

        BuildResult result = tree.build();

        List<String> errors = result.errors().stream()
                .map(p -> tree.content().relativize(p.file()) + ":" + p.line() + " " + p.code()).toList();
        assertEquals(List.of("schools/hillside/forms/staff-agreement.yml:" + line + " unknown-role"), errors, result.problems().toString());
        String message = result.errors().get(0).message();
        assertTrue(message.startsWith("reader-role 'head' is not a role the privacy notice can name: use one of ")
                && message.contains("headteacher") && message.contains("safeguarding-lead") && message.contains("school-office"), message);
        assertFalse(result.published());
    }
}
