package org.polisi.site.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jsoup.Jsoup;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A form's {@code reader-role} must be a role a staff account can hold on the forms server
 * ({@link org.polisi.contract.StaffRole}): any other is one error at the form file's
 * {@code reader-role:} line, with "did you mean" for a slip (issue: "message 'forms.role.head' is
 * missing" at the page's line 1; tester 3's fault 10: {@code deputy-headteacher} built cleanly and
 * the privacy notice named a reader the server never lets in). The notice names every reader the
 * server lets in: the reader role and the headteacher.
 */
class ReaderRoleTest {

    @Test
    void anUnknownReaderRoleIsOneErrorAtItsLineListingTheRoles(@TempDir Path folder) {
        String message = onlyError(folder, "head");
        assertTrue(message.startsWith("reader-role 'head' is not a role a staff account can hold on the forms server")
                && message.contains("use one of headteacher, safeguarding-lead, online-safety-coordinator, school-office"), message);
    }

    /** Tester 3's fault 10: roles the notice has words for, but no staff account can hold. */
    @Test
    void aReaderRoleNoStaffAccountCanHoldIsAnError(@TempDir Path folder) {
        for (String role : List.of("deputy-headteacher", "chair-of-governors", "data-protection-officer", "online-safety-governor")) {
            String message = onlyError(folder.resolve(role), role);
            assertTrue(message.startsWith("reader-role '" + role + "' is not a role a staff account can hold on the forms server"),
                    message);
            assertTrue(message.contains("use one of headteacher, safeguarding-lead, online-safety-coordinator, school-office"), message);
        }
    }

    @Test
    void aSlipInTheReaderRoleIsGivenTheNearestRole(@TempDir Path folder) {
        Map<String, String> slips = Map.of("headteachr", "headteacher", "Headteacher", "headteacher",
                "safeguardinglead", "safeguarding-lead", "office", "school-office");
        slips.forEach((slip, meant) -> {
            String message = onlyError(folder.resolve(slip), slip);
            assertTrue(message.endsWith(": did you mean '" + meant + "'?"), message);
        });
    }

    @Test
    void theNoticeNamesTheReaderRoleAndTheHeadteacherWhoReadsEveryForm(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("agreement", folder);
        String form = tree.read("schools/hillside/forms/staff-agreement.yml");
        tree.write("schools/hillside/forms/staff-agreement.yml",
                form.replace("reader-role: headteacher", "reader-role: school-office"));

        BuildResult result = tree.build();

        assertEquals(List.of(), result.errors());
        String english = Jsoup.parse(FixtureTree.readFile(tree.published("hillside/en/staff-agreement.html")))
                .select(".privacy-notice").text();
        assertTrue(english.contains("Who will see it: the school office staff; the headteacher"), english);
        String welsh = Jsoup.parse(FixtureTree.readFile(tree.published("hillside/cy/staff-agreement.html")))
                .select(".privacy-notice").text();
        assertTrue(welsh.contains("Pwy fydd yn ei gweld: staff swyddfa'r ysgol; y pennaeth"), welsh);
    }

    private static String onlyError(Path folder, String role) {
        FixtureTree tree = FixtureTree.copyOf("agreement", folder);
        String form = tree.read("schools/hillside/forms/staff-agreement.yml");
        tree.write("schools/hillside/forms/staff-agreement.yml", form.replace("reader-role: headteacher", "reader-role: " + role));
        int line = form.lines().toList().indexOf("reader-role: headteacher") + 1;

        BuildResult result = tree.build();

        List<String> errors = result.errors().stream()
                .map(p -> tree.content().relativize(p.file()) + ":" + p.line() + " " + p.code()).toList();
        assertEquals(List.of("schools/hillside/forms/staff-agreement.yml:" + line + " unknown-role"), errors, role + ": " + result.problems());
        assertFalse(result.published(), role);
        return result.errors().get(0).message();
    }
}
