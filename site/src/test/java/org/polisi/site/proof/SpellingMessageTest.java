package org.polisi.site.proof;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Tester 4's fault 4: with {@code SWURL} out of Rumney's words.txt the build said
 * "'SWURL' is not in the cy dictionary If it is right, ...": a word the dictionary has no
 * suggestion for lost the full stop the suggestions' "?" gave the others. A real build of a Welsh
 * and an English page, each with such a word.
 */
class SpellingMessageTest {
    @Test
    void aWordWithoutSuggestionsIsStillTwoSentencesInBothLanguages(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.in(folder)
                .write("schools/speller/school.yml", "name: {en: Speller School, cy: Ysgol Sillafu}\nlanguages: [en, cy]\n")
                .write("schools/speller/en/rules.adoc", "= Rules\n:page-kind: page\n\nWe use SWURL and QXZWVK at school.\n")
                .write("schools/speller/cy/rules.adoc", "= Rheolau\n:page-kind: page\n:translation-status: draft\n\n"
                        + "Rydym yn defnyddio SWURL yn yr ysgol.\n");
        BuildResult result = tree.build();
        List<String> messages = result.problems().stream().filter(p -> p.code().equals("spelling")).map(Problem::message).toList();
        List<String> withoutSuggestions = messages.stream().filter(m -> !m.contains("did you mean")).toList();
        assertFalse(withoutSuggestions.isEmpty(), "a word the dictionaries have no suggestion for: " + messages);
        for (String message : messages) {
            assertEquals(true, message.matches("'[^']+' is not in the (en|cy) dictionary(\\.|; did you mean [^?]+\\?) If it is right, .*"),
                    message);
        }
        assertEquals(true, withoutSuggestions.stream().anyMatch(m -> m.startsWith("'SWURL' is not in the cy dictionary. If it is right")),
                "the tester's example: " + messages);
    }
}
