package org.polisi.site.check;

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
 * Every content problem is reported once, at its real file and line (issue: a missing attribute in
 * a page gave two errors, Asciidoctor's at line 1 and the HTML check's at its line). One real build
 * of the "good" fixture with a missing attribute in each place an author can put one: a page's
 * body (twice on one line, once more further down), a link's address, the title line (which shows
 * in the crumbs, the heading and the school's index), a template section that an adopting school
 * and the template's preview both publish, a school's override, an included file; and a form definition, a form
 * that does not exist and a school whose forms cannot be read.
 */
class ReportedOnceTest {

    @Test
    void eachMissingAttributeAndFormSlipIsOneErrorAtItsLine(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        edit(tree, "clusters/demo/en/policy.adoc", "This policy covers pupils", "This policy covers {tmpl-missing} pupils");
        edit(tree, "schools/adopter/en/policy.adoc", "Our digital leader, Mr Owen Example,", "Our digital leader, {override-missing},");
        edit(tree, "schools/adopter/en/about.adoc", "= About our policies", "= About {title-missing}");
        edit(tree, "schools/adopter/en/about.adoc", "which applies to every pupil.", "which applies to every pupil.\n\n"
                + "Read https://hwb.gov.wales/{link-missing}[Hwb] and {body-missing} and {body-missing} again.\n\nOnce more {body-missing}.");
        String agreement = FixtureTree.readFile(org.polisi.site.Fixtures.content("agreement")
                .resolve("schools/hillside/forms/staff-agreement.yml"));
        tree.write("schools/solo/forms/staff-agreement.yml", agreement.replace("en: Your full name", "en: Your full name at {school-missing}"));
        tree.write("schools/adopter/en/about.adoc", tree.read("schools/adopter/en/about.adoc") + "\nform::no-such-form[]\n"
                + "\ninclude::parts/shared.adoc[]\n");
        tree.write("schools/adopter/en/parts/shared.adoc", "Shared words for {include-missing} readers.\n");
        BuildResult result = tree.build();

        List<String> found = result.errors().stream()
                .map(p -> tree.content().relativize(p.file()) + ":" + p.line() + " " + p.code() + " " + name(p)).sorted().toList();
        assertEquals(List.of(
                "clusters/demo/en/policy.adoc:15 unresolved-attribute {tmpl-missing}",
                "schools/adopter/en/about.adoc:1 unresolved-attribute {title-missing}",
                "schools/adopter/en/about.adoc:11 unresolved-attribute {body-missing}",
                "schools/adopter/en/about.adoc:9 unresolved-attribute {body-missing}",
                "schools/adopter/en/about.adoc:9 unresolved-attribute {link-missing}",
                "schools/adopter/en/parts/shared.adoc:1 unresolved-attribute {include-missing}",
                "schools/adopter/en/policy.adoc:8 unresolved-attribute {override-missing}",
                "schools/solo/forms/staff-agreement.yml:" + lineOf(tree, "schools/solo/forms/staff-agreement.yml",
                        "      en: Your full name at {school-missing}") + " bad-form {school-missing}"), found.stream().filter(f -> !f.contains(" form ") && !f.contains(" unknown-form ")).toList());
        // the form that does not exist: once, at the line that embeds it (no "unknown macro" besides)
        List<String> forms = found.stream().filter(f -> f.contains(" form ") || f.contains(" unknown-form ")).toList();
        assertEquals(1, forms.size(), found.toString());
        assertTrue(forms.get(0).startsWith("schools/adopter/en/about.adoc:" + lineOf(tree, "schools/adopter/en/about.adoc", "form::no-such-form[]")),
                forms.toString());
        assertTrue(result.problems().stream().noneMatch(p -> p.code().equals("asciidoc") || p.code().equals("unknown-macro")),
                result.problems().toString());
    }

    @Test
    void aSchoolWhoseFormsCannotBeReadHasOnlyTheDefinitionsErrors(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        tree.write("schools/solo/forms/consent.yml", "id: consent\nkind: [consent\n");
        edit(tree, "schools/solo/en/policy.adoc", "\n\n", "\n\nform::consent[]\n\n");
        BuildResult result = tree.build("solo");
        assertEquals(List.of("schools/solo/forms/consent.yml:2 bad-form"), result.errors().stream()
                .map(p -> tree.content().relativize(p.file()) + ":" + p.line() + " " + p.code()).toList());
    }

    private static String name(Problem problem) {
        java.util.regex.Matcher reference = java.util.regex.Pattern.compile("\\{[\\w-]+}").matcher(problem.message());
        return reference.find() ? reference.group() : "";
    }

    private static int lineOf(FixtureTree tree, String path, String text) {
        List<String> lines = tree.read(path).lines().toList();
        return lines.indexOf(text) + 1;
    }

    private static void edit(FixtureTree tree, String path, String from, String to) {
        String text = tree.read(path);
        assertTrue(text.contains(from), path + " lacks " + from);
        tree.write(path, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }
}
