package org.polisi.site.fork;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An Asciidoctor warning about text a school appended to a template page is reported at the school's
 * line, never at the template's (issue: an unterminated |=== appended to a school's adaptation was
 * blamed on the cluster template's line 177, holding back every school that adopts it).
 */
class AppendedSlipTest {

    @Test
    void anUnterminatedTableAppendedByASchoolIsReportedAtItsOwnLine(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        String page = tree.read("schools/adopter/en/policy.adoc");
        String appended = page + "\n|===\n|Who |What\n|Head |Everything\n";
        tree.write("schools/adopter/en/policy.adoc", appended);
        int line = appended.lines().toList().indexOf("|===") + 1;

        BuildResult result = tree.build("adopter");

        List<String> errors = result.errors().stream().filter(p -> p.message().contains("unterminated"))
                .map(p -> tree.content().relativize(p.file()) + ":" + p.line()).toList();
        assertEquals(List.of("schools/adopter/en/policy.adoc:" + line), errors, result.problems().toString());
    }
}
