package org.polisi.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.content.PolicyDates;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.forms.markup.StatementMacro;
import org.polisi.site.fork.SectionChange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15: what the real content publishes is what its source says. Brynford adopts the NGP
 * template, yet its published policy holds only Brynford's sentences (fault 1): every sentence of
 * the English body is found in Brynford's seed, after the typing fixes that
 * {@code content/CHANGES-FROM-SOURCE.md} lists for that seed (so a silent rewording fails here), and
 * the Welsh page has the same sections and blocks. What a person agrees to reads the same on the page
 * as in the form that records it, in each language (fault 2).
 */
class SourceFidelityTest {
    static final String BRYNFORD_SEED = "000_806d908c06fafb3f.txt";
    private static BuildResult result;
    private static BuildOptions options;

    @BeforeAll
    static void bakeTheRealContent() {
        RealContentBake bake = RealContentBake.get();
        result = bake.result();
        options = bake.options();
    }

    @Test
    void everySentenceOfBrynfordsEnglishPolicyIsInBrynfordsSource() throws IOException {
        String seed = normalise(corrected(Files.readString(seeds().resolve(BRYNFORD_SEED)), BRYNFORD_SEED));
        List<String> sentences = sentences(body("brynford", "en", "online-safety-policy"));
        assertTrue(sentences.size() > 80, "the whole body was read: " + sentences.size());
        List<String> notInSource = sentences.stream().filter(sentence -> !seed.contains(normalise(sentence))).toList();
        assertEquals(List.of(), notInSource);
    }

    /** The test's own probe: a template sentence, or one word changed, is not found. */
    @Test
    void theComparisonFindsATemplateSentenceOrAChangedWord() throws IOException {
        String seed = normalise(corrected(Files.readString(seeds().resolve(BRYNFORD_SEED)), BRYNFORD_SEED));
        assertFalse(seed.contains(normalise("It will be monitored by the Digital Leader and reviewed by relevant members of the Governing Body as appropriate.")));
        assertFalse(seed.contains(normalise("This policy is implemented on a day-to-day basis by all school staff and is monitored by the Governors.")));
        assertTrue(seed.contains(normalise("This policy is implemented on a day-to-day basis by all school staff and is monitored by the Headteacher.")));
        assertTrue(seed.contains(normalise("Staff are required to only use platforms")), "a listed correction applies");
    }

    @Test
    void brynfordPublishesNoTemplateSectionAndUsesEveryForkRule() {
        ResolvedSite brynford = result.sites().stream().filter(s -> s.id().equals("brynford")).findFirst().orElseThrow();
        for (String language : List.of("en", "cy")) {
            List<SectionChange> changes = brynford.sectionChanges().stream()
                    .filter(c -> c.language().equals(language) && c.pageKey().equals("online-safety-policy")).toList();
            assertEquals(List.of(), changes.stream().filter(c -> c.status() == SectionChange.Status.INHERITED)
                    .map(SectionChange::sectionId).toList(), language + ": no template section is published as it is");
            for (SectionChange.Status rule : List.of(SectionChange.Status.REPLACED, SectionChange.Status.REMOVED,
                    SectionChange.Status.INSERTED)) {
                assertTrue(changes.stream().anyMatch(c -> c.status() == rule), language + " " + rule);
            }
            assertTrue(changes.stream().noneMatch(SectionChange::stale), language + ": overrides match the template");
        }
    }

    /** The Welsh publishes the same sections, in the same order, with the same number of paragraphs and items. */
    @Test
    void brynfordsWelshPolicyHasTheEnglishSectionsAndBlocks() throws IOException {
        Element english = body("brynford", "en", "online-safety-policy");
        Element welsh = body("brynford", "cy", "online-safety-policy");
        assertEquals(english.select("h2[id], h3[id]").eachAttr("id"), welsh.select("h2[id], h3[id]").eachAttr("id"));
        assertEquals(english.select("div.paragraph > p, li").size(), welsh.select("div.paragraph > p, li").size());
        List<String> sections = english.select("h2[id]").eachAttr("id");
        assertEquals("scope", sections.get(0), "Brynford's introduction comes first");
        assertEquals("monitoring-and-review", sections.get(sections.size() - 1), "and its monitoring and review last");
    }

    /**
     * Fault 2: every statement a form records (its consent statements and its declaration) appears on
     * the published page, in the page's language, in exactly the recorded words; and no block of the
     * page outside the form is a rewording of one (Rumney's Appendix D in Welsh was five of them).
     */
    @Test
    void everyRecordedStatementReadsTheSameOnThePageAsInTheForm() throws Exception {
        int checked = 0;
        List<String> faults = new ArrayList<>();
        for (ResolvedSite site : result.sites()) {
            SchoolForms forms = SchoolForms.load(site.id(), site.languages(), CatalogStage.formsDirs(site));
            for (String language : site.languages()) {
                try (Stream<Path> pages = Files.list(options.outputDir().resolve(site.id() + "/" + language))) {
                    for (Path file : pages.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                        Document page = Jsoup.parse(file.toFile(), StandardCharsets.UTF_8.name());
                        String whole = normalise(page.select("main").text());
                        Element outside = page.selectFirst("main").clone();
                        outside.select("section.polisi-form").remove();
                        List<FormDefinition> onPage = new ArrayList<>();
                        for (Element form : page.select("section.polisi-form form[data-form-id]")) {
                            onPage.add(forms.find(form.attr("data-form-id")).orElseThrow());
                        }
                        List<String> statementsOnPage = onPage.stream()
                                .flatMap(form -> StatementMacro.statements(form).values().stream())
                                .map(text -> text.byLanguage().get(language)).toList();
                        for (FormDefinition definition : onPage) {
                            for (var statement : StatementMacro.statements(definition).entrySet()) {
                                String words = statement.getValue().byLanguage().get(language);
                                String where = site.id() + "/" + language + "/" + file.getFileName() + " "
                                        + definition.id() + "[" + statement.getKey() + "]";
                                checked++;
                                if (!whole.contains(normalise(words))) {
                                    faults.add(where + ": not on the page: " + words);
                                }
                                rewordings(outside, words, statementsOnPage).forEach(block -> faults.add(where + ": reworded on the page as: " + block));
                                quotedTitles(words).stream().filter(title -> !normalise(outside.text()).contains(normalise(title)))
                                        .forEach(title -> faults.add(where + ": names '" + title + "', which the page does not"));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), faults);
        assertTrue(checked > 40, "statements checked: " + checked);
    }

    /** The probe of the check above: Rumney's old Welsh wording of an Appendix D statement is a rewording. */
    @Test
    void aRewordedStatementIsFound() {
        Element page = Jsoup.parse("<main><ul><li><p>Caiff yr ysgol ddefnyddio llun o'm plentyn fel llun cyhoeddusrwydd mewn papur "
                + "newydd lleol neu genedlaethol, lle gellir defnyddio enwau cyntaf (llun unigol neu lun grŵp).</p></li>"
                + "<li><p>Caiff yr ysgol ddefnyddio llun o fy mhlentyn ar gyfer llun cyhoeddusrwydd mewn papur newydd lleol neu "
                + "genedlaethol, lle gellir defnyddio enwau cyntaf (llun unigol neu lun grŵp).</p></li></ul></main>");
        String statement = "Caiff yr ysgol ddefnyddio llun o fy mhlentyn ar gyfer llun cyhoeddusrwydd mewn "
                + "papur newydd lleol neu genedlaethol, lle gellir defnyddio enwau cyntaf (llun unigol neu lun grŵp).";
        List<String> found = rewordings(page, statement, List.of(statement));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("o'm plentyn fel"));
        assertEquals(List.of("Live Streaming Safeguarding Principles (Updated 07.01.21)"),
                quotedTitles("I will follow the ‘Live Streaming Safeguarding Principles (Updated 07.01.21)’, and use Hwb."));
    }

    /**
     * Paragraphs and list items that share most of a statement's words (70 % of the longer one's
     * distinct words) without holding any statement on the page exactly, or being held by one: a
     * second wording. Statements under eight words are too short to tell a rewording from a shared phrase.
     */
    static List<String> rewordings(Element page, String statement, List<String> onThePage) {
        Set<String> words = words(statement);
        if (words.size() < 8) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (Element block : page.select("p, li")) {
            if (block.tagName().equals("li") && !block.select("p").isEmpty()) {
                continue;   // the item's own paragraph is checked
            }
            String text = normalise(block.text());
            if (onThePage.stream().map(SourceFidelityTest::normalise).anyMatch(exact -> text.contains(exact) || exact.contains(text))) {
                continue;
            }
            Set<String> blockWords = words(block.text());
            long shared = words.stream().filter(blockWords::contains).count();
            if (shared >= 0.7 * Math.max(words.size(), blockWords.size())) {
                found.add(block.text());
            }
        }
        return found;
    }

    private static Set<String> words(String text) {
        return new HashSet<>(List.of(normalise(text).split("[^\\p{L}\\p{N}']+")));
    }

    /** Titles a statement quotes in ‘single quotes’: the page must name the same document the same way. */
    static List<String> quotedTitles(String statement) {
        List<String> titles = new ArrayList<>();
        Matcher quoted = Pattern.compile("‘([^’]+)’").matcher(statement);
        while (quoted.find()) {
            titles.add(quoted.group(1));
        }
        return titles;
    }

    /**
     * Fault 3: every date in a school's settings is one its seed states, at the precision it states
     * it: a month the seed gives alone is stored as a month ("September 2023"), never with a day.
     */
    @Test
    void everySettingsDateIsInTheSchoolsSeedAsItIsWritten() throws IOException {
        Map<String, String> seedOf = Map.of("brynford", BRYNFORD_SEED, "rumney", "002_4d366fb888dc393e.txt",
                "aberford", "003_009a75ccc2479c4e.txt", "holy-trinity", "004_1f7d8366016f1c2d.txt");
        int dates = 0;
        for (ResolvedSite site : result.sites()) {
            if (!seedOf.containsKey(site.id())) {
                continue;   // the template's preview
            }
            String seed = Files.readString(seeds().resolve(seedOf.get(site.id()))).replaceAll("\\s+", " ");
            PolicyDates policy = site.source().settings().policy();
            for (String date : List.of(policy.lastUpdated(), policy.approvedOn(), policy.reviewDue())) {
                if (date.isBlank()) {
                    continue;
                }
                dates++;
                String written = date.length() == "yyyy-MM".length()
                        ? YearMonth.parse(date).format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK))
                        : LocalDate.parse(date).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK));
                assertTrue(seed.contains(written), site.id() + ": " + written + " is not in " + seedOf.get(site.id()));
            }
        }
        assertEquals(6, dates, "Brynford 2, Rumney 2 (its approval and review; it states no update), Holy Trinity 2");
    }

    /**
     * Fault 3: approval only from the settings (Rumney's table: the Governing Body, September 2023), in
     * both languages and as a month; an overdue policy says when review was due and asks the reader to
     * ask the school, claiming nothing about what the school is doing.
     */
    @Test
    void policyDetailsStateOnlyWhatTheSettingsSay() throws IOException {
        assertEquals("Approved by the Governing Body in September 2023.", details("rumney", "en").selectFirst("li:contains(Approved)").text());
        assertTrue(details("rumney", "cy").text().contains("Cymeradwywyd ym mis Medi 2023. Cymeradwywyd gan y canlynol: y Corff Llywodraethu."),
                details("rumney", "cy").text());
        assertTrue(details("brynford", "en").text().contains("Awaiting approval by the governing body."), "its signature lines are blank");
        for (String[] overdue : new String[][]{{"rumney", "en", "September 2024"}, {"rumney", "cy", "Medi 2024"},
                {"brynford", "en", "March 2026"}, {"brynford", "cy", "Mawrth 2026"}, {"holy-trinity", "en", "December 2021"}}) {
            String text = details(overdue[0], overdue[1]).text();
            assertTrue(text.contains(overdue[1].equals("en")
                    ? "This policy was due for review by " + overdue[2] + ". Please ask the school for its current version."
                    : "Roedd disgwyl i'r polisi hwn gael ei adolygu erbyn " + overdue[2] + ". Gofynnwch i'r ysgol am y fersiwn gyfredol."),
                    String.join(" ", overdue) + ": " + text);
            assertFalse(text.contains("reviewing") || text.contains("yn ei adolygu"), text);
            assertFalse(text.matches(".*\\b\\d{1,2} " + overdue[2] + ".*"), "no day is invented: " + text);
        }
    }

    private static Element details(String school, String language) throws IOException {
        return Jsoup.parse(options.outputDir().resolve(school + "/" + language + "/online-safety-policy.html").toFile(),
                StandardCharsets.UTF_8.name()).selectFirst("section.policy-details");
    }

    /** The policy body of a published page, without its forms (their interface and privacy notices). */
    static Element body(String school, String language, String page) throws IOException {
        Document html = Jsoup.parse(options.outputDir().resolve(school + "/" + language + "/" + page + ".html").toFile(),
                StandardCharsets.UTF_8.name());
        Element body = html.selectFirst("main div.body");
        body.select("section.polisi-form").remove();
        return body;
    }

    /** Sentences of the body's paragraphs and list items (a list item's nested list is its own item). */
    static List<String> sentences(Element body) {
        List<String> sentences = new ArrayList<>();
        for (Element block : body.select("div.paragraph > p, li > p")) {
            for (String sentence : block.text().split("(?<=[.?!’])\\s+(?=[A-Z(])")) {
                if (!sentence.isBlank()) {
                    sentences.add(sentence.strip());
                }
            }
        }
        return sentences;
    }

    /**
     * The seed with the typing fixes listed under its heading in CHANGES-FROM-SOURCE.md applied: rows
     * "| file | original | corrected |" (a parenthesised note in back-quotes after the corrected text is not part of it).
     */
    static String corrected(String seed, String seedFile) throws IOException {
        String log = Files.readString(Fixtures.projectRoot().resolve("content/CHANGES-FROM-SOURCE.md"));
        int start = log.indexOf("## " + seedFile);
        assertTrue(start >= 0, "CHANGES-FROM-SOURCE.md has a section for " + seedFile);
        int end = log.indexOf("\n## ", start + 1);
        String section = log.substring(start, end < 0 ? log.length() : end);
        Matcher row = Pattern.compile("(?m)^\\| [^|]+ \\| ([^|]+) \\| ([^|]+) \\|$").matcher(section);
        String text = seed.replaceAll("\\s+", " ");
        while (row.find()) {
            String original = row.group(1).strip();
            String fixed = row.group(2).replaceAll("\\s*\\(`[^`]*`\\)", "").strip();
            if (!original.equals("original")) {
                text = text.replace(original, fixed);
            }
        }
        return text;
    }

    /** NFC, one kind of quote and dash, single spaces, no space before punctuation, lower case. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .replaceAll("[‘’]", "'").replaceAll("[“”]", "\"").replace('–', '-')
                .replaceAll("\\s+", " ").replaceAll(" ([.,;:])", "$1").strip().toLowerCase(Locale.ROOT);
    }

    /** Copies of the source policies in the test resources (their README says which). */
    static Path seeds() {
        return Fixtures.projectRoot().resolve("site/src/test/resources/seeds");
    }
}
