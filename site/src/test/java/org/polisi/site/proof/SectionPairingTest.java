package org.polisi.site.proof;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The glossary check pairs an English section with its Welsh counterpart by label, never by
 * position (issue: deleting a section label in one language shifted the pairing and gave false
 * terminology warnings). Each school of one real build holds one way a label can go wrong; a
 * section that cannot be paired is said once, at its heading, and compared with nothing.
 */
class SectionPairingTest {
    private static final String ENGLISH = """
            = Rules
            :page-kind: page
            :page-order: 1

            These rules keep pupils safe.

            [[sexting]]
            == Sexting

            Never take part in sexting.

            [[cyberbullying]]
            == Cyberbullying

            Cyberbullying is never accepted.

            [[policy]]
            == The policy

            Our policy is reviewed every year.
            """;
    private static final String WELSH = """
            = Rheolau
            :page-kind: page
            :page-order: 1
            :translation-status: draft
            :translated-from: PENDING

            Mae'r rheolau hyn yn cadw disgyblion yn ddiogel.

            [[sexting]]
            == Rhannu noethluniau

            Peidiwch byth â rhannu noethluniau.

            [[cyberbullying]]
            == Seiberfwlio

            Ni dderbynnir seiberfwlio byth.

            [[policy]]
            == Y polisi

            Bydd yr ysgol yn adolygu ei pholisi bob blwyddyn.
            """;

    @Test
    void aDeletedOrRenamedLabelIsSaidOnceAtItsHeadingAndComparesNothingElse(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("proofing", folder);
        school(tree, "paired", ENGLISH, WELSH);
        // the issue's example: the Welsh label is deleted
        school(tree, "welsh-lost", ENGLISH, WELSH.replace("[[cyberbullying]]\n", ""));
        // the English label is deleted: "Cyberbullying is never accepted" must not join the sexting section
        school(tree, "english-lost", ENGLISH.replace("[[cyberbullying]]\n", ""), WELSH);
        school(tree, "renamed", ENGLISH, WELSH.replace("[[cyberbullying]]", "[[seiberfwlio]]"));
        // a label above a paragraph labels that paragraph, not the heading after it
        school(tree, "paragraph", ENGLISH.replace("[[cyberbullying]]\n", "[[note]]\nA note.\n\n[[cyberbullying]]\n"),
                WELSH.replace("[[cyberbullying]]\n", "[[note]]\nNodyn.\n\n"));

        BuildResult result = tree.build();
        List<String> found = result.problems().stream()
                .filter(p -> p.code().equals("glossary") || p.code().equals("section-unpaired"))
                .filter(p -> !p.file().toString().contains("speller"))
                .map(p -> tree.content().relativize(p.file()) + ":" + p.line() + " " + p.code()).sorted().toList();
        assertEquals(List.of(
                "schools/english-lost/en/rules.adoc:12 section-unpaired",
                "schools/paragraph/cy/rules.adoc:17 section-unpaired",
                "schools/renamed/cy/rules.adoc:15 section-unpaired",
                "schools/welsh-lost/cy/rules.adoc:14 section-unpaired"), found);
        String welshLost = message(result, "welsh-lost");
        assertTrue(welshLost.contains("has no label") && welshLost.contains("[[cyberbullying]] (en/rules.adoc:13)"), welshLost);
        String englishLost = message(result, "english-lost");
        assertTrue(englishLost.contains("has no label") && englishLost.contains("[[cyberbullying]] (cy/rules.adoc:15)"), englishLost);
        String renamed = message(result, "renamed");
        assertTrue(renamed.contains("no English section is labelled [[seiberfwlio]]") && renamed.contains("[[cyberbullying]]"), renamed);
    }

    @Test
    void aRealDeviationInAPairedSectionIsStillFound(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.copyOf("proofing", folder);
        school(tree, "deviates", ENGLISH, WELSH.replace("Ni dderbynnir seiberfwlio byth.", "Ni dderbynnir bwlio ar-lein byth.")
                .replace("== Seiberfwlio", "== Bwlio ar-lein"));
        BuildResult result = tree.build("deviates");
        List<String> found = result.problems().stream()
                .filter(p -> p.code().equals("glossary") || p.code().equals("section-unpaired"))
                .map(p -> tree.content().relativize(p.file()) + ":" + p.line() + " " + p.code()).toList();
        assertEquals(List.of("schools/deviates/cy/rules.adoc:15 glossary"), found);
        assertTrue(message(result, "deviates").contains("'seiberfwlio'"), message(result, "deviates"));
    }

    private static void school(FixtureTree tree, String id, String english, String welsh) {
        tree.write("schools/" + id + "/school.yml", "name: {en: " + id + " School, cy: Ysgol " + id + "}\nlanguages: [en, cy]\n"
                        + "contact-email: office@" + id + ".test\n")
                .write("schools/" + id + "/en/rules.adoc", english)
                .write("schools/" + id + "/cy/rules.adoc", welsh);
    }

    private static String message(BuildResult result, String school) {
        return result.problems().stream().filter(p -> p.file() != null && p.file().toString().contains("/" + school + "/"))
                .filter(p -> p.code().equals("glossary") || p.code().equals("section-unpaired"))
                .map(p -> p.message()).findFirst().orElse("(none)");
    }
}
