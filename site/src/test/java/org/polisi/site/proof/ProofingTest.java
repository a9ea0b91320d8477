package org.polisi.site.proof;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.problem.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proofing stage on a small real site ({@code fixtures/proofing}) with planted mistakes: a Welsh
 * misspelling ("kamsillafiad"), an English one ("recieve"), a rival Welsh term ("secstio"), a
 * Welsh section that leaves out a glossary term, an English-only link without its marker, and a
 * word-list entry without a reason. Each must be found at its own file and line, and nothing else.
 */
class ProofingTest {
    private static Fixtures.BakedSite site;
    private static Path content;

    @BeforeAll
    static void bake() throws IOException {
        // Not --strict: there every warning is an error, and these findings are meant to be warnings.
        content = Fixtures.content("proofing");
        Path folder = Files.createTempDirectory("polisi-test-");
        org.polisi.site.BuildOptions options = Fixtures.options(content, folder, List.of()).withStrict(false);
        site = new Fixtures.BakedSite(folder, options, new org.polisi.site.SiteBuild(options, line -> { }).run());
    }

    @AfterAll
    static void cleanUp() {
        site.delete();
    }

    private static List<Problem> found(String code) {
        return site.result().problems().stream().filter(p -> p.code().equals(code)).toList();
    }

    /** The line of {@code file} (under content/) that contains {@code text}, counted from 1. */
    private static int lineOf(String file, String text) throws IOException {
        List<String> lines = Files.readAllLines(content.resolve(file), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    private static Problem only(String code, String word) {
        List<Problem> matching = found(code).stream().filter(p -> p.message().contains("'" + word + "'")).toList();
        assertEquals(1, matching.size(), code + " findings for " + word + ": " + found(code));
        return matching.get(0);
    }

    @Test
    void aWelshMisspellingIsFoundAtItsLineWithSuggestions() throws IOException {
        Problem problem = only("spelling", "kamsillafiad");
        assertEquals(Problem.Severity.WARNING, problem.severity());
        assertEquals(content.resolve("schools/speller/cy/rules.adoc"), problem.file());
        assertEquals(lineOf("schools/speller/cy/rules.adoc", "kamsillafiad"), problem.line());
        assertTrue(problem.message().contains("cy dictionary"), problem.message());
        assertTrue(problem.message().contains("camsillafiad"), "Hunspell's suggestion: " + problem.message());
    }

    @Test
    void anEnglishMisspellingIsFoundAtItsLineWithSuggestions() throws IOException {
        Problem problem = only("spelling", "recieve");
        assertEquals(content.resolve("schools/speller/en/rules.adoc"), problem.file());
        assertEquals(lineOf("schools/speller/en/rules.adoc", "recieve"), problem.line());
        assertTrue(problem.message().contains("receive"), problem.message());
    }

    @Test
    void onlyThePlantedWordsAreUnknown() {
        // Link targets, e-mail addresses, code blocks, word-list names, the other language's
        // capitalised names and Welsh clitics ("o'r") are not reported. "Secstio", the planted
        // rival term, is not Welsh the dictionary knows either.
        List<String> words = found("spelling").stream().map(p -> p.message().replaceFirst("^'([^']+)'.*", "$1")).sorted().toList();
        assertEquals(List.of("Secstio", "kamsillafiad", "recieve"), words);
    }

    /**
     * Tester 4's fault 4: a word with no suggestion read "... not in the cy dictionary If it is right":
     * every spelling message ends its first sentence before the advice (without suggestions:
     * {@code SpellingMessageTest}).
     */
    @Test
    void everySpellingMessageWithSuggestionsIsTwoSentences() {
        List<Problem> spelling = found("spelling");
        assertTrue(spelling.stream().anyMatch(p -> p.message().contains("did you mean")), "a word with suggestions: " + spelling);
        for (Problem problem : spelling) {
            assertTrue(problem.message().matches("'[^']+' is not in the (en|cy) dictionary(\\.|; did you mean [^?]+\\?) If it is right, .*"),
                    problem.message());
        }
    }

    @Test
    void aRivalWelshTermIsFoundAtItsLine() throws IOException {
        Problem problem = only("glossary", "secstio");
        assertEquals(content.resolve("schools/speller/cy/rules.adoc"), problem.file());
        assertEquals(lineOf("schools/speller/cy/rules.adoc", "Secstio"), problem.line());
        assertTrue(problem.message().contains("rhannu noethluniau"), problem.message());
    }

    @Test
    void aWelshSectionWithoutTheGlossaryTermIsFoundAtTheSection() throws IOException {
        List<Problem> missing = found("glossary").stream().filter(p -> p.message().contains("says 'cyberbullying'")).toList();
        assertEquals(1, missing.size(), found("glossary").toString());
        assertEquals(lineOf("schools/speller/cy/rules.adoc", "== Bwlio ar-lein"), missing.get(0).line());
        assertTrue(missing.get(0).message().contains("seiberfwlio"));
    }

    @Test
    void aWelshSectionThatRewordsATermIsFound() throws IOException {
        // "rhannu delweddau noeth" is a fair paraphrase, but not the glossary's "rhannu noethluniau".
        List<Problem> missing = found("glossary").stream().filter(p -> p.message().contains("says 'sexting'")).toList();
        assertEquals(1, missing.size(), found("glossary").toString());
        assertEquals(lineOf("schools/speller/cy/rules.adoc", "== Secstio"), missing.get(0).line());
    }

    @Test
    void aMutatedTermCountsAsTheTerm() {
        // "Our policy" / "ei bolisi": polisi after "ei" (his) takes the soft mutation.
        assertEquals(List.of(), found("glossary").stream().filter(p -> p.message().contains("'policy'")).toList());
    }

    @Test
    void anEnglishOnlyLinkWithoutTheMarkerIsFound() throws IOException {
        List<Problem> links = found("glossary").stream().filter(p -> p.message().contains("English-only")).toList();
        assertEquals(1, links.size(), links.toString());
        assertEquals(lineOf("schools/speller/cy/rules.adoc", "gyngor Childnet"), links.get(0).line());
        assertTrue(links.get(0).message().contains("https://www.childnet.com/qwzrtpath"));
        assertTrue(links.get(0).message().contains("(Saesneg yn unig)"));
    }

    @Test
    void aWordListEntryWithoutAReasonIsFound() throws IOException {
        Problem problem = only("word-list", "Nocomment");
        assertEquals(content.resolve("words.txt"), problem.file());
        assertEquals(lineOf("words.txt", "Nocomment"), problem.line());
    }

    @Test
    void theCountsAreKeptPerSchoolAndLanguage() {
        ProofResult.Counts welsh = site.result().proofing().of("speller").get("cy");
        ProofResult.Counts english = site.result().proofing().of("speller").get("en");
        // Welsh: kamsillafiad and Secstio; secstio avoided, sexting and cyberbullying missing, one unmarked link.
        assertEquals(new ProofResult.Counts(2, 4), welsh);
        assertEquals(new ProofResult.Counts(1, 0), english);
    }

    @Test
    void theReportPrintsTheCountsPerSchoolAndLanguage() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        org.polisi.site.report.ReportPrinter.text(org.polisi.site.report.SiteReport.of(site.result().sites(),
                site.result().translations(), site.result().toConfirm(), Fixtures.TODAY), site.result().proofing(), content, new java.io.PrintStream(bytes, true,
                java.nio.charset.StandardCharsets.UTF_8));
        String report = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(report.contains("    cy: 2 unknown words, 4 glossary deviations"), report);
        assertTrue(report.contains("    en: 1 unknown word, 0 glossary deviations"), report);
    }

    @Test
    void aBuildWithTheCachedAnswersFindsExactlyTheSame() throws IOException {
        Path cache = Files.createTempDirectory("polisi-spelling-cache");
        org.polisi.site.problem.Problems first = new org.polisi.site.problem.Problems();
        new Proofing(content, Fixtures.theme().resolve("i18n"), cache).run(site.result().sites(), first);
        String cached = Files.readString(cache.resolve("spelling-dictionary-cy-2.0.0.tsv"), StandardCharsets.UTF_8);
        assertTrue(cached.contains("kamsillafiad\t0\t"), "an unknown word and its suggestions are kept");
        assertTrue(cached.contains("\nrheolau\t1\n") || cached.startsWith("rheolau\t1\n"), "a known word is kept");
        org.polisi.site.problem.Problems second = new org.polisi.site.problem.Problems();
        new Proofing(content, Fixtures.theme().resolve("i18n"), cache).run(site.result().sites(), second);
        assertEquals(first.all(), second.all());
        assertEquals(found("spelling").size(), second.all().stream().filter(p -> p.code().equals("spelling")).count());
    }

    @Test
    void findingsAreWarningsSoTheBuildStillPublishes() {
        assertTrue(site.result().published(), site.result().errors().toString());
    }

    @Test
    void underStrictTheFindingsAreErrorsAndHoldTheSchoolBack() {
        Fixtures.BakedSite strict = Fixtures.bake(content, List.of());
        try {
            assertTrue(strict.result().errors().stream().anyMatch(p -> p.code().equals("spelling")
                    && p.message().contains("'kamsillafiad'")), strict.result().errors().toString());
            assertTrue(strict.result().heldBack().contains("speller"));
        } finally {
            strict.delete();
        }
    }
}
