package org.polisi.site.compose;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildProgress;
import org.polisi.site.FixtureTree;
import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.catalog.SiteCatalog;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;
import org.polisi.site.theme.Messages;
import org.polisi.site.translation.TranslationState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compose stage runs its sites on every core (docs/adr/0090), yet gives what one thread gave:
 * pages, problems and progress in the catalogue's order, the same on every run, and a fault in one
 * site holds back that site alone.
 */
class ComposeStageTest {
    private static final int SCHOOLS = 12;

    /** The "good" fixture and twelve more schools, each with a broken image and a list in a table cell, in its own file. */
    private static FixtureTree schools(Path folder) {
        FixtureTree tree = FixtureTree.copyOf("good", folder);
        String settings = tree.read("schools/solo/school.yml");
        for (int i = 1; i <= SCHOOLS; i++) {
            String id = String.format("school-%02d", i);
            tree.write("schools/" + id + "/school.yml", settings.replace("solo", id));
            tree.write("schools/" + id + "/en/policy.adoc", "= Policy " + i + "\n:page-kind: policy\n\n[[purpose]]\n== Purpose\n\n"
                    + "Every pupil of {school-name} uses the computers kindly and safely, as school " + i + " asks.\n\n"
                    + "image::missing-" + i + ".png[Poster " + i + "]\n\n|===\n| Rules\n\n| * item " + i + "\n|===\n");
        }
        return tree;
    }

    private record Run(List<String> pages, List<String> problems, List<String> progress, List<String> forms) {
    }

    private static Run compose(SiteCatalog catalog, BuildOptions options) throws IOException {
        Problems problems = new Problems();
        List<String> progress = new ArrayList<>();
        ComposedSite composed = ComposeStage.compose(catalog, Messages.everyLanguage(options.themeDir().resolve("i18n")),
                options.today(), problems, new BuildProgress() {
                    @Override
                    public void line(String text) {
                    }

                    @Override
                    public void composed(String site, List<String> languages, int pages) {
                        progress.add(site + " " + languages + " " + pages);
                    }
                });
        return new Run(composed.pages().stream().map(page -> page.outputPath() + "\n" + page.asciidoc() + "\n" + page.pageHash() + "\n" + page.chrome()).toList(),
                problems.all().stream().map(ComposeStageTest::line).toList(), progress, List.copyOf(composed.forms().keySet()));
    }

    private static String line(Problem problem) {
        return problem.file() + ":" + problem.line() + " " + problem.code() + " " + problem.message();
    }

    @Test
    void pagesProblemsAndProgressComeInTheCataloguesOrderOnEveryRun(@TempDir Path folder) throws IOException {
        FixtureTree tree = schools(folder);
        BuildOptions options = tree.options(false);
        SiteCatalog catalog = CatalogStage.load(options, new Problems());
        List<String> ids = catalog.sites().stream().map(site -> site.id()).toList();

        Run first = compose(catalog, options);

        List<String> pageSites = first.pages().stream().map(page -> page.substring(0, page.indexOf('/'))).distinct().toList();
        assertEquals(ids, pageSites, "each site's pages together, sites in the catalogue's order");
        assertEquals(ids, first.progress().stream().map(line -> line.substring(0, line.indexOf(' '))).toList());
        List<String> broken = first.problems().stream().filter(p -> p.contains(" broken-image ")).toList();
        assertEquals(SCHOOLS, broken.size(), String.join("\n", first.problems()));
        for (int i = 0; i < SCHOOLS; i++) {
            assertTrue(broken.get(i).contains(String.format("school-%02d", i + 1)) && broken.get(i).contains("missing-" + (i + 1) + ".png"),
                    "problem " + i + " is school " + (i + 1) + "'s: " + broken.get(i));
        }
        List<String> tables = first.problems().stream().filter(p -> p.contains(" list-in-table-cell ")).toList();
        assertEquals(SCHOOLS, tables.size(), String.join("\n", first.problems()));
        for (int i = 0; i < SCHOOLS; i++) {
            assertTrue(tables.get(i).contains(String.format("school-%02d", i + 1)), "table " + i + ": " + tables.get(i));
        }
        assertEquals(first.problems().subList(0, SCHOOLS), tables, "every site's tables first, as the stage always reported them");
        for (int run = 0; run < 5; run++) {
            assertEquals(first, compose(catalog, options), "run " + run + " gives what the first gave");
        }
    }

    @Test
    void aFaultInOneSiteHoldsBackThatSiteAloneAndKeepsWhatItFoundBefore(@TempDir Path folder) throws IOException {
        FixtureTree tree = schools(folder);
        BuildOptions options = tree.options(false);
        SiteCatalog catalog = CatalogStage.load(options, new Problems());
        Run whole = compose(catalog, options);
        // A catalogue without school-05's translation states: composing its pages' notices fails (a fault of ours).
        Map<String, List<TranslationState>> translations = new LinkedHashMap<>(catalog.translations());
        translations.put("school-05", null);
        SiteCatalog faulty = new SiteCatalog(catalog.sites(), catalog.allIds(), catalog.forms(), translations, catalog.unreadable());

        Run run = compose(faulty, options);

        assertTrue(run.pages().stream().noneMatch(page -> page.startsWith("school-05/")), "school-05 has no pages");
        assertEquals(whole.pages().stream().filter(page -> !page.startsWith("school-05/")).toList(), run.pages(),
                "every other site's pages, the same and in the same order");
        List<String> failed = run.problems().stream().filter(p -> p.contains(" compose-failed ")).toList();
        assertEquals(1, failed.size(), String.join("\n", run.problems()));
        assertTrue(failed.get(0).contains("school-05"), failed.get(0));
        int broken = run.problems().indexOf(whole.problems().stream().filter(p -> p.contains("missing-5.png")).findFirst().orElseThrow());
        assertEquals(broken + 1, run.problems().indexOf(failed.get(0)), "its own problem found before the fault, then the fault");
        List<String> withoutFault = new ArrayList<>(run.problems());
        withoutFault.remove(failed.get(0));
        assertEquals(whole.problems(), withoutFault, "every other problem, in the same order");
        assertEquals(whole.progress(), run.progress(), "every site is still reported as composed, in order");
        assertFalse(run.progress().isEmpty());
    }
}
