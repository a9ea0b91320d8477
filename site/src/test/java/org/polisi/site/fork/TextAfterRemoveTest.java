package org.polisi.site.fork;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.content.SourceLine;
import org.polisi.site.problem.Problems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text an author writes after a {@code remove} directive (which takes none) is an error at its
 * line, never left out of the page without a word (tester 3's fault 2: a new section written after
 * a removal vanished, and the unknown form in it was never checked).
 */
class TextAfterRemoveTest {
    private static final Path FILE = Path.of("schools/x/en/policy.adoc");

    @Test
    void aSectionWrittenAfterARemovalIsAnErrorAtItsFirstLineInEachLanguage(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        String added = "\n[[our-own-section]]\n== Our own section\n\nOur own text.\n\nform::no-such-form[]\n";
        for (String language : List.of("en", "cy")) {
            String path = "schools/adopter/" + language + "/policy.adoc";
            String page = tree.read(path);
            String removal = page.lines().filter(line -> line.startsWith("// polisi: remove")).findFirst().orElseThrow();
            tree.write(path, page.replace(removal + "\n", removal + "\n" + added));
        }

        BuildResult result = tree.build("adopter");

        List<String> errors = result.errors().stream().filter(p -> p.code().equals("text-after-remove"))
                .map(p -> tree.content().relativize(p.file()) + ":" + tree.read(tree.content().relativize(p.file()).toString())
                        .lines().toList().get(p.line() - 1)).sorted().toList();
        assertEquals(List.of("schools/adopter/cy/policy.adoc:[[our-own-section]]", "schools/adopter/en/policy.adoc:[[our-own-section]]"),
                errors, result.problems().toString());
        assertTrue(result.errors().get(0).message().contains("'// polisi: insert-after community'"), result.errors().get(0).message());
        assertFalse(result.published());
    }

    @Test
    void blankLinesAndCommentsAfterARemovalAreFine() {
        Problems problems = new Problems();
        List<Directive> directives = DirectiveParser.parse(lines("// polisi: remove scope", "", "// why: not for us", "",
                "// polisi: append", "[[extra]]", "== Extra", "", "Text."), problems);
        assertEquals(List.of(), problems.all());
        assertEquals(2, directives.size());
    }

    @Test
    void eachRemovalFollowedByTextIsReportedOnce() {
        Problems problems = new Problems();
        DirectiveParser.parse(lines("// polisi: remove scope", "Lost one.", "Lost two.", "// polisi: remove roles template=abc",
                "", "Lost three."), problems);
        assertEquals(List.of("2 text-after-remove", "6 text-after-remove"),
                problems.all().stream().map(p -> p.line() + " " + p.code()).toList());
    }

    private static List<SourceLine> lines(String... texts) {
        List<SourceLine> lines = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            lines.add(new SourceLine(texts[i], FILE, i + 1));
        }
        return lines;
    }
}
