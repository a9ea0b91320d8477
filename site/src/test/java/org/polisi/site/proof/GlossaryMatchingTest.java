package org.polisi.site.proof;

import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.problem.Problems;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The glossary check's plain searches give what the regular expressions they replace gave
 * (docs/adr/0063): folding, splitting into words, an English form's match from its first word, and a
 * Welsh term's words found at the start of a word in any mutated form; on every line of the real
 * content, the bundles, the fixtures and random texts, with the real glossary's terms.
 */
class GlossaryMatchingTest {
    private static final Glossary GLOSSARY = Glossary.read(Fixtures.projectRoot().resolve("content/glossary.yml"), new Problems());

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(ProofTexts.all());
        texts.addAll(ProofTexts.random());
        return texts;
    }

    @Test
    void foldingAsNormalisingAndRemovingMarks() {
        for (String text : texts()) {
            String expected = Normalizer.normalize(text.replace('’', '\''), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT);
            assertEquals(expected, Glossary.fold(text), text);
        }
    }

    @Test
    void wordsAsSplittingAtWhatIsNotALetterOrApostrophe() {
        for (String text : texts()) {
            String folded = Glossary.fold(text);
            List<String> expected = Arrays.stream(folded.split("[^\\p{L}']+")).filter(w -> !w.isEmpty()).toList();
            assertEquals(expected, GlossaryCheck.words(folded), text);
        }
    }

    @Test
    void englishFormsAsTheirExpressions() {
        assertFalse(GLOSSARY.terms().isEmpty());
        List<String> folded = texts().stream().map(Glossary::fold).toList();
        int found = 0;
        for (Glossary.Term term : GLOSSARY.terms()) {
            for (Glossary.EnglishForm form : term.matches()) {
                for (String line : folded) {
                    boolean expected = form.pattern().matcher(line).find();
                    assertEquals(expected, form.in(line), term.english() + " in " + line);
                    found += expected ? 1 : 0;
                }
            }
        }
        assertTrue(found > 100, "the real content uses the glossary's terms: " + found);
    }

    @Test
    void welshTermsAsTheExpressionsOfTheirMutatedWords() {
        List<String> folded = texts().stream().map(Glossary::fold).toList();
        int used = 0;
        for (Glossary.Term term : GLOSSARY.terms()) {
            List<List<Pattern>> expressions = term.accepted().stream().map(form -> form.stream().map(forms -> Pattern.compile(
                    "(?<![\\p{L}])(?:" + forms.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\p{L}*")).toList()).toList();
            for (String line : folded) {
                boolean expected = expressions.stream().anyMatch(form -> form.stream().allMatch(word -> word.matcher(line).find()));
                assertEquals(expected, term.usedIn(line), term.welsh() + " in " + line);
                used += expected ? 1 : 0;
            }
        }
        assertTrue(used > 100, "the real content uses the glossary's Welsh terms: " + used);
    }

    @Test
    void aMutatedTermIsFoundOnlyAtTheStartOfAWord() {
        assertTrue(Glossary.startsAWord("ei bolisi hi", "bolisi"));
        assertTrue(Glossary.startsAWord("(bolisi)", "bolisi"));
        assertFalse(Glossary.startsAWord("ymbolisi", "bolisi"));
        assertTrue(Glossary.startsAWord("ymbolisi bolisi", "bolisi"));
    }
}
