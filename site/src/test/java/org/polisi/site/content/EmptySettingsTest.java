package org.polisi.site.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tester 4's fault 3 ({@code languages: []} accepted silently) and its kind: a setting or a page
 * header entry that says nothing, or nothing valid, is an error at its line instead of a silent
 * default (or a published "~" or "null"); a value left blank on purpose ({@code ""}) and an empty
 * group of settings ({@code attributes: {}}, as {@code new-school} writes) stay fine.
 */
class EmptySettingsTest {

    @Test
    void aSettingWithNoValueAnEmptyListOrAnEmptyMapIsAnErrorAtItsLine(@TempDir Path folder) throws IOException {
        Problems problems = load(folder, """
                name: {en: X, cy: }
                languages: [en, cy]
                local-authority: {}
                contact-address: {}
                roles:
                  headteacher:
                  safeguarding-lead: ~
                  online-safety-coordinator: null
                policy:
                  review-due:
                attributes:
                  technical-provider: []
                  on-purpose: ""
                contact-email: ""
                adopts: []
                """);
        assertEquals(List.of(
                "1 name: cy: has no value: write the value, write \"\" to leave it blank on purpose, or leave the line out",
                "4 contact-address: {} gives no value: write the value (one text, or {en: ..., cy: ...}), or leave the line out",
                "6 roles: headteacher: has no value: write the value, write \"\" to leave it blank on purpose, or leave the line out",
                "7 roles: safeguarding-lead: has no value ('~' is YAML's word for nothing): write the value, write \"\" to leave it"
                        + " blank on purpose, or leave the line out",
                "8 roles: online-safety-coordinator: has no value ('null' is YAML's word for nothing): write the value, write \"\""
                        + " to leave it blank on purpose, or leave the line out",
                "10 policy: review-due: has no value: write the value, write \"\" to leave it blank on purpose, or leave the line out",
                "15 adopts: [] is an empty list, and no setting takes one: write the value, or leave the line out",
                "3 setting 'local-authority' has no value in language 'en'", "3 setting 'local-authority' has no value in language 'cy'",
                "12 setting 'technical-provider' has no value in language 'en'",
                "12 setting 'technical-provider' has no value in language 'cy'"),
                lines(problems), "each once: an empty text given per language is SettingsLoader's to report");
    }

    @Test
    void blankOnPurposeAndEmptyGroupsAreFine(@TempDir Path folder) throws IOException {
        Problems problems = load(folder, "name: {en: X}\nlanguages: [en]\nroles: {}\npolicy:\n  approved-by: \"\"\n"
                + "attributes: {}\ncontact-email: ''\n");
        assertEquals(List.of(), lines(problems));
    }

    @Test
    void aPageHeaderEntryThatSaysNothingValidIsAnErrorAtItsLine(@TempDir Path folder) {
        String school = "name: {en: A School}\nlanguages: [en]\n";
        FixtureTree tree = FixtureTree.in(folder)
                .write("schools/headers/school.yml", school)
                .write("schools/headers/en/empty-kind.adoc", "= Empty Kind\n:page-kind:\n:page-order: 1\n\nText.\n")
                .write("schools/headers/en/misspelt-kind.adoc", "= Misspelt\n:page-order: 2\n:page-kind: polcy\n\nText.\n")
                .write("schools/headers/en/wordy-order.adoc", "= Wordy Order\n:page-kind: page\n:page-order: first\n\nText.\n")
                .write("schools/headers/en/empty-order.adoc", "= Empty Order\n:page-kind: page\n:page-order:\n\nText.\n")
                .write("schools/headers/en/empty-parent.adoc", "= Empty Parent\n:page-kind: page\n:page-parent:\n\nText.\n")
                .write("schools/fine/school.yml", school)
                .write("schools/fine/en/page.adoc", "= Fine\n:page-kind: page\n:page-order: 3\n\nText.\n")
                .write("schools/emptylist/school.yml", "name: {en: A School}\nlanguages: []\n")
                .write("schools/emptylist/en/page.adoc", "= Fine\n:page-kind: page\n\nText.\n");
        BuildResult result = tree.build();
        List<String> found = result.errors().stream()
                .map(p -> tree.content().relativize(p.file()) + ":" + p.line() + " " + p.code() + " " + p.message()).sorted().toList();
        assertEquals(List.of(
                "schools/emptylist/school.yml:2 bad-settings languages: [] lists nothing: write languages: [en, cy] (each value you need,"
                        + " once), or leave the line out",
                "schools/headers/en/empty-kind.adoc:2 bad-header :page-kind: has no value: write policy, appendix or page, or leave the"
                        + " line out for a plain page",
                "schools/headers/en/empty-order.adoc:3 bad-header :page-order: has no value: write the page's position in the school's"
                        + " list (1, 2, 3...), or leave the line out for the default position (50)",
                "schools/headers/en/empty-parent.adoc:3 bad-header :page-parent: has no value: write the key of the policy this appendix"
                        + " belongs to (its file name without .adoc)",
                "schools/headers/en/misspelt-kind.adoc:3 bad-header :page-kind: 'polcy' is not a page kind (did you mean 'policy'?):"
                        + " write policy, appendix or page, or leave the line out for a plain page",
                "schools/headers/en/wordy-order.adoc:3 bad-header :page-order: 'first' is not a whole number: write the page's position"
                        + " in the school's list (1, 2, 3...), or leave the line out for the default position (50)"), found);
        assertEquals(Set.of("fine"), result.publishedSites());
        assertEquals(Set.of("headers", "emptylist"), result.heldBack());
        assertTrue(Files.exists(tree.published("fine/en/page.html")));
        assertFalse(Files.exists(tree.published("emptylist")), "an empty language list no longer publishes English and Welsh");
        for (Problem problem : result.problems()) {
            assertFalse(problem.message().contains("Exception"), problem.message());
        }
    }

    private static Problems load(Path folder, String text) throws IOException {
        Problems problems = new Problems();
        Path file = Files.createTempFile(folder, "school", ".yml");
        Files.writeString(file, text);
        SettingsLoader.load("x", file, null, problems);
        return problems;
    }

    private static List<String> lines(Problems problems) {
        return problems.errors().stream().map(p -> p.line() + " " + p.message()).toList();
    }
}
