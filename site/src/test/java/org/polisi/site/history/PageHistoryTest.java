package org.polisi.site.history;

import org.eclipse.jgit.revwalk.RevCommit;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.Fixtures.BakedSite;
import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;
import org.polisi.site.render.FileTrees;
import org.polisi.site.theme.Messages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real repository with three commits to the fixture's policies, built: the first publication, a
 * change with notes in English (solo) and Welsh (adopter), and a change marked minor plus a
 * whitespace-only one, which must not be listed.
 */
class PageHistoryTest {
    private static PolicyRepository repository;
    private static BakedSite site;
    private static String first;
    private static String second;

    @BeforeAll
    static void buildOverThreeCommits() throws Exception {
        repository = PolicyRepository.ofGoodFixture();
        first = repository.commit(LocalDate.of(2026, 1, 10), "policies as first published").name();
        repository.edit("schools/solo/en/policy.adoc", ":page-order: 1\n",
                ":page-order: 1\n:change-note: Pupils are asked to be fair; a section on devices; the rules section is gone.\n");
        repository.edit("schools/solo/en/policy.adoc", "kindly and safely.", "kindly, safely and fairly.\n\n"
                + "[[devices]]\n== Devices\n\nPupils keep school tablets in the classroom.");
        repository.edit("schools/solo/en/policy.adoc", "[[rules]]\n== Rules\n\n"
                + "Pupils follow the rules of the policy:missing-doc[missing document] as well as this one.", "");
        repository.edit("schools/adopter/cy/policy.adoc", ":translated-from: 69d5b45112f9\n",
                ":translated-from: 69d5b45112f9\n\n// polisi: change-note Mae cwynion yn mynd at y pennaeth yn gyntaf.\n");
        repository.edit("schools/adopter/cy/policy.adoc", "gydag athro'r dosbarth yn gyntaf", "gyda'r pennaeth yn gyntaf");
        second = repository.commit(LocalDate.of(2026, 3, 3), "solo and adopter: changes with notes").name();
        repository.edit("schools/solo/en/policy.adoc", ":change-note: Pupils are asked to be fair; a section on devices; the rules section is gone.",
                ":change-note: minor: typing error");
        repository.edit("schools/solo/en/policy.adoc", "every pupil", "each pupil");
        repository.edit("schools/adopter/cy/policy.adoc", "Ein harweinydd digidol,", "Ein  harweinydd   digidol,");
        repository.commit(LocalDate.of(2026, 6, 1), "a typing error and some spaces");
        site = Fixtures.bake(repository.content(), List.of());
        assertTrue(site.result().published(), () -> "build failed: " + site.result().problems());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        site.delete();
        repository.close();
    }

    @Test
    void aPolicyListsItsPublishedChangesNewestFirstWithoutTheMinorOne() {
        Document page = site.page("solo/en/policy.html");
        List<Element> entries = page.select("#updates ol.updates__list > li");
        assertEquals(2, entries.size(), page.select("#updates").outerHtml());
        assertEquals("Updates to this policy", page.selectFirst("#updates h2").text());
        assertEquals("2026-03-03", entries.get(0).selectFirst("time").attr("datetime"));
        assertTrue(entries.get(0).text().startsWith("3 March 2026: Pupils are asked to be fair;"), entries.get(0).text());
        assertEquals("2026-01-10", entries.get(1).selectFirst("time").attr("datetime"));
        assertTrue(entries.get(1).text().startsWith("10 January 2026: First published."), entries.get(1).text());
        assertTrue(page.select("#updates").text().indexOf("typing error") < 0);
        assertNotNull(page.selectFirst("ul.policy-details__list a[href=#updates]"), "the details link to the updates");
    }

    @Test
    void eachListedChangeOpensItsVersionAndAComparison() {
        Element entry = site.page("solo/en/policy.html").select("#updates ol.updates__list > li").get(1);
        assertEquals(List.of("policy.version-" + first.substring(0, 12) + ".html", "policy.changes-" + first.substring(0, 12) + ".html"),
                entry.select("a").eachAttr("href"));
        for (String href : entry.select("a").eachAttr("href")) {
            assertTrue(Files.exists(site.file("solo/en/" + href)), href);
        }
    }

    @Test
    void theEarlierVersionIsTheTextAsItWasThen() {
        Document version = site.page("solo/en/policy.version-" + first.substring(0, 12) + ".html");
        assertEquals("Acceptable Use Policy, as published on 10 January 2026", version.selectFirst("main h1").text());
        Element body = version.selectFirst("main div.body");
        assertTrue(body.text().contains("every pupil to use its computers kindly and safely."), body.text());
        assertNotNull(body.selectFirst("h2#rules"), "the section since removed");
        assertNull(body.selectFirst("h2#devices"), "a section added later");
        assertNotNull(version.selectFirst("main a[href=policy.html]"), "a link to the current version");
        assertEquals("en", version.selectFirst("html").attr("lang"));
        assertTrue(version.select("link[rel=alternate]").isEmpty(), "an earlier version has no translation equivalent");
    }

    @Test
    void theComparisonShowsSectionsAddedRemovedAndChangedWordByWord() {
        Document changes = site.page("solo/en/policy.changes-" + first.substring(0, 12) + ".html");
        Element added = section(changes, "Devices");
        assertTrue(added.hasClass("comparison--added"));
        assertEquals("added: Pupils keep school tablets in the classroom.", added.selectFirst("ins").text());
        Element removed = section(changes, "Rules");
        assertTrue(removed.hasClass("comparison--removed"));
        assertTrue(removed.selectFirst("del").text().startsWith("removed: Pupils follow the rules"));
        Element changed = section(changes, "Purpose");
        assertTrue(changed.hasClass("comparison--changed"));
        String marked = changed.select("p").get(1).html();
        assertEquals("each pupil to use its computers kindly, safely and fairly.",
                ComparisonTest.read(marked, "del", "ins").replace("Solo Primary School expects ", ""));
        assertEquals("every pupil to use its computers kindly and safely.",
                ComparisonTest.read(marked, "ins", "del").replace("Solo Primary School expects ", ""));
        assertTrue(changed.select("del").eachText().contains("removed: every"), changed.html());
        for (Element mark : changed.select("ins, del")) {
            assertEquals("visually-hidden", mark.child(0).className(), "the word a screen reader announces comes first");
        }
    }

    @Test
    void theWelshPageListsTheWelshNoteAndComparesInWelsh() {
        Document page = site.page("adopter/cy/policy.html");
        assertEquals("Diweddariadau i'r polisi hwn", page.selectFirst("#updates h2").text());
        List<Element> entries = page.select("#updates ol.updates__list > li");
        assertEquals(2, entries.size(), "the whitespace-only change is not listed: " + page.select("#updates").text());
        assertTrue(entries.get(0).text().startsWith("3 Mawrth 2026: Mae cwynion yn mynd at y pennaeth yn gyntaf."), entries.get(0).text());
        assertTrue(entries.get(1).text().contains("Cyhoeddwyd gyntaf."));
        Document changes = site.page("adopter/cy/policy.changes-" + first.substring(0, 12) + ".html");
        assertEquals("cy", changes.selectFirst("html").attr("lang"));
        Element changed = section(changes, "Cwynion");
        assertEquals(List.of("tynnwyd: gydag athro\u2019r dosbarth"), changed.select("del").eachText());
        assertEquals(List.of("ychwanegwyd: gyda\u2019r pennaeth"), changed.select("ins").eachText());
    }

    @Test
    void aLanguageWhoseFilesDidNotChangeListsOnlyItsFirstPublication() {
        List<Element> entries = site.page("adopter/en/policy.html").select("#updates ol.updates__list > li");
        assertEquals(1, entries.size());
        assertTrue(entries.get(0).text().contains("First published."));
    }

    @Test
    void theLatestChangeMatchingTheCurrentTextOffersNoComparison() throws Exception {
        // adopter/cy at the second commit differs from now only in spaces, so its version is still offered;
        // adopter/en never changed: the current text is the first version, so there is nothing to open.
        assertTrue(site.page("adopter/en/policy.html").select("#updates a").isEmpty());
        try (Stream<Path> files = Files.list(site.file("adopter/en"))) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().contains(".changes-")));
        }
        assertNotNull(second);
    }

    @Test
    void withoutGitTheBuildShowsNoHistory() throws Exception {
        Path copy = Files.createTempDirectory("polisi-no-git-");
        FileTrees.copy(repository.content(), copy.resolve("content"));
        BakedSite plain = Fixtures.bake(copy.resolve("content"), List.of("solo"));
        try {
            assertTrue(plain.result().published(), () -> "build failed: " + plain.result().problems());
            Document page = plain.page("solo/en/policy.html");
            assertNull(page.selectFirst("#updates"));
            assertNull(page.selectFirst("li.policy-details__updates"));
            try (Stream<Path> files = Files.list(plain.file("solo/en"))) {
                // no earlier versions or comparisons (the policy's PDF, policy.pdf, is the PDF stage's)
                assertEquals(List.of("index.html", "policy.html"), files.map(f -> f.getFileName().toString())
                        .filter(name -> name.endsWith(".html")).sorted().toList());
            }
        } finally {
            plain.delete();
            FileTrees.deleteRecursively(copy);
        }
    }

    @Test
    void pagesWrittenOnSeveralThreadsAreTheBytesOfPagesWrittenOnOne() throws Exception {
        Path one = Files.createTempDirectory("polisi-history-one-");
        Path several = Files.createTempDirectory("polisi-history-several-");
        try {
            FileTrees.copy(site.pages(), one.resolve("out"));
            FileTrees.copy(site.pages(), several.resolve("out"));
            List<ResolvedSite> sites = CatalogStage.load(site.options(), new Problems()).sites();
            Map<String, Messages> messages = Messages.everyLanguage(Fixtures.theme().resolve("i18n"));
            // each with a work folder of its own: every earlier version is loaded and converted afresh
            int onOne = new PageHistory(repository.content(), one.resolve("work"), messages, line -> { }, 1)
                    .write(sites, one.resolve("out"));
            int onFour = new PageHistory(repository.content(), several.resolve("work"), messages, line -> { }, 4)
                    .write(sites, several.resolve("out"));
            assertTrue(onOne >= 4, "pages with updates: " + onOne);
            assertEquals(onOne, onFour);
            Map<String, String> expected = files(one.resolve("out"));
            Map<String, String> actual = files(several.resolve("out"));
            assertEquals(expected.keySet(), actual.keySet());
            assertTrue(expected.keySet().stream().anyMatch(name -> name.contains(".changes-")), expected.keySet().toString());
            for (String name : expected.keySet()) {
                assertEquals(expected.get(name), actual.get(name), name);
            }
            // and both are what the build published (its history stage ran on this machine's cores)
            Map<String, String> published = files(site.pages());
            for (String name : expected.keySet()) {
                assertEquals(published.get(name), expected.get(name), name);
            }
        } finally {
            FileTrees.deleteRecursively(one);
            FileTrees.deleteRecursively(several);
        }
    }

    @Test
    void theBuiltPagesStayAsRenderedUntilFinishAndAHeldBackSiteGetsNothing() throws Exception {
        Path work = Files.createTempDirectory("polisi-history-aside-");
        try {
            Path out = work.resolve("out");
            FileTrees.copy(site.pages(), out);
            // the pages as the render stage left them: without the earlier versions and comparisons
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path file : walk.filter(f -> f.getFileName().toString().matches(".*\\.(version|changes)-.*")).toList()) {
                    Files.delete(file);
                }
            }
            Map<String, String> rendered = files(out);
            List<ResolvedSite> sites = sites();
            PageHistory history = historyIn(work);

            // every site held back: the stage ran, and the staging folder is byte for byte as rendered
            assertEquals(0, history.start(sites, out).finish(List.of()));
            assertEquals(rendered, files(out));
            assertFalse(Files.exists(work.resolve("work").resolve("history-pages")), "what was written aside is dropped");

            // only solo passes: solo gets its history as the build publishes it, adopter keeps its pages as rendered
            List<ResolvedSite> soloOnly = sites.stream().filter(s -> s.id().equals("solo")).toList();
            assertEquals(1, soloOnly.size());
            assertTrue(history.start(sites, out).finish(soloOnly) >= 1);
            Map<String, String> published = files(site.pages());
            Map<String, String> after = files(out);
            assertEquals(published.keySet().stream().filter(n -> n.startsWith("solo")).toList(),
                    after.keySet().stream().filter(n -> n.startsWith("solo")).toList());
            after.forEach((name, bytes) -> {
                if (name.startsWith("solo")) {
                    assertEquals(published.get(name), bytes, name);
                } else {
                    assertEquals(rendered.get(name), bytes, name);
                }
            });
            assertTrue(after.keySet().stream().anyMatch(n -> n.startsWith("solo") && n.contains(".changes-")));
        } finally {
            FileTrees.deleteRecursively(work);
        }
    }

    @Test
    void aStageLeftRunningByAFailedBuildIsWaitedForBeforeTheNextUsesItsFolder() throws Exception {
        Path work = Files.createTempDirectory("polisi-history-abandoned-");
        try {
            Path out = work.resolve("out");
            FileTrees.copy(site.pages(), out);
            List<ResolvedSite> sites = sites();
            PageHistory history = historyIn(work);
            history.start(sites, out);      // a build that then failed: never finished
            int pages = history.start(sites, out).finish(sites);
            assertTrue(pages >= 4, "pages with updates: " + pages);
            assertEquals(files(site.pages()), files(out));
            assertFalse(Files.exists(work.resolve("work").resolve("history-pages")));
        } finally {
            FileTrees.deleteRecursively(work);
        }
    }

    @Test
    void noThreadsIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new PageHistory(repository.content(), repository.root, Map.of(), line -> { }, 0));
    }

    /** The fixture's sites as the build loads them. */
    private static List<ResolvedSite> sites() {
        return CatalogStage.load(site.options(), new Problems()).sites();
    }

    /** A history stage on two threads with {@code work}'s own work folder. */
    private static PageHistory historyIn(Path work) throws java.io.IOException {
        return new PageHistory(repository.content(), work.resolve("work"), Messages.everyLanguage(Fixtures.theme().resolve("i18n")),
                line -> { }, 2);
    }

    /** Every file under {@code root} by its relative name, its bytes as Latin-1 text (one char a byte). */
    private static Map<String, String> files(Path root) throws java.io.IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private static Element section(Document document, String title) {
        for (Element section : document.select("main section.comparison")) {
            if (section.selectFirst("h2").text().equals(title)) {
                return section;
            }
        }
        throw new AssertionError("no section '" + title + "' in " + document.select("main").html());
    }
}
