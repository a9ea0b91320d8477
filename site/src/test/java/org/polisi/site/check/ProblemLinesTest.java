package org.polisi.site.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;

/**
 * Issue 25, fault 5: problems the author must fix are reported at the file and line they wrote.
 * A setting shown in the page chrome that names a missing attribute was reported at line 1 of the
 * page; an unclosed table on a page that ends in {@code form::} must be reported at the page's own
 * {@code |===}, not at the template or the form's line.
 */
class ProblemLinesTest {

    private static List<String> where(BuildResult result, String code, FixtureTree tree) {
        return result.problems().stream().filter(problem -> problem.code().equals(code))
                .map(problem -> tree.content().relativize(problem.file()).toString().replace('\\', '/') + ":" + problem.line())
                .distinct().toList();
    }

    @Test
    void aMissingAttributeInASettingShownInTheChromeIsReportedAtTheSettingsLine(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("agreement", folder);
        String settings = tree.read("schools/hillside/school.yml")
                .replace("contact-email: office@hillside.test",
                        "contact-email: office@hillside.test\ncontact-address: {en: \"{front-desk}, Mill Lane\", cy: \"{front-desk}, Lôn y Felin\"}")
                .replace("  approved-by: \"\"", "  approved-by: {en: \"the {governing-bodie}\", cy: \"y {governing-bodie}\"}");
        tree.write("schools/hillside/school.yml", settings);
        List<String> lines = settings.lines().toList();
        int address = lines.indexOf(lines.stream().filter(line -> line.startsWith("contact-address:")).findFirst().orElseThrow()) + 1;
        int approver = lines.indexOf(lines.stream().filter(line -> line.startsWith("  approved-by:")).findFirst().orElseThrow()) + 1;
        BuildResult result = tree.build();
        List<String> found = where(result, "unresolved-attribute", tree);
        assertEquals(List.of("schools/hillside/school.yml:" + address, "schools/hillside/school.yml:" + approver),
                found.stream().sorted().toList(), result.problems().toString());
    }

    @Test
    void anUnclosedTableBeforeAFormIsReportedAtItsOwnLine(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("agreement", folder);
        String page = tree.read("schools/hillside/en/staff-agreement.adoc")
                .replace("Staff keep their passwords to themselves.\n", """
                        Staff keep their passwords to themselves.

                        |===
                        | Who | What

                        | Staff | Keep passwords
                        """);
        tree.write("schools/hillside/en/staff-agreement.adoc", page);
        int open = page.lines().toList().indexOf("|===") + 1;
        BuildResult result = tree.build();
        List<Problem> tables = result.problems().stream()
                .filter(problem -> problem.message().contains("table")).toList();
        assertEquals(List.of("schools/hillside/en/staff-agreement.adoc:" + open),
                tables.stream().map(problem -> tree.content().relativize(problem.file()).toString().replace('\\', '/')
                        + ":" + problem.line()).distinct().toList(), result.problems().toString());
    }

    /** A setting a school inherits from its cluster template is reported at the template's settings line. */
    @Test
    void aMissingAttributeInAnInheritedSettingIsReportedAtTheClusterFilesLine(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        String cluster = tree.read("clusters/demo/cluster.yml").replace("forms-endpoint: /forms",
                "forms-endpoint: /forms\ncontact-address: {en: \"{reception-desk}, High Street\", cy: \"{reception-desk}, Stryd Fawr\"}");
        tree.write("clusters/demo/cluster.yml", cluster);
        int line = cluster.lines().toList().indexOf(cluster.lines().filter(text -> text.startsWith("contact-address:"))
                .findFirst().orElseThrow()) + 1;
        BuildResult result = tree.build();
        List<String> found = where(result, "unresolved-attribute", tree);
        assertEquals(List.of("clusters/demo/cluster.yml:" + line), found, result.problems().toString());
    }

    /**
     * The tester's case: the cluster template's page ends in {@code form::}, and a school's section
     * replacing one of the template's opens a table it never closes. The problem is the school's, at
     * its own {@code |===}: never the template's file, never the form's line.
     */
    @Test
    void anUnclosedTableInASchoolsSectionOfATemplateEndingInAFormIsTheSchools(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        tree.write("clusters/demo/forms/staff-agreement.yml",
                FixtureTree.copyOf("agreement", folder.resolve("agreement")).read("schools/hillside/forms/staff-agreement.yml"));
        for (String language : List.of("en", "cy")) {
            String template = tree.read("clusters/demo/" + language + "/policy.adoc");
            tree.write("clusters/demo/" + language + "/policy.adoc", template.stripTrailing() + "\n\nform::staff-agreement[]\n");
        }
        String school = tree.read("schools/adopter/en/policy.adoc").replace(
                "Our digital leader, Mr Owen Example, looks after online safety from day to day.\n", """
                Our digital leader, Mr Owen Example, looks after online safety from day to day.

                |===
                | Who | What

                | Digital leader | Day to day
                """);
        tree.write("schools/adopter/en/policy.adoc", school);
        int open = school.lines().toList().indexOf("|===") + 1;
        BuildResult result = tree.build();
        List<String> tables = result.problems().stream().filter(problem -> problem.message().contains("table"))
                .map(problem -> tree.content().relativize(problem.file()).toString().replace('\\', '/') + ":" + problem.line())
                .distinct().toList();
        assertEquals(List.of("schools/adopter/en/policy.adoc:" + open), tables, result.problems().toString());
    }
}
