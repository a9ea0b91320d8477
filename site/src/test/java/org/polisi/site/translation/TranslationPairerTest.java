package org.polisi.site.translation;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.content.ContentTree;
import org.polisi.site.content.SiteSource;
import org.polisi.site.fork.ForkResolver;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pairing the good fixture's Welsh pages with their English ones, and a school with a page missing in Welsh. */
class TranslationPairerTest {
    private static final Problems problems = new Problems();
    private static ContentTree tree;
    private static List<TranslationState> adopter;
    private static List<TranslationState> template;

    @BeforeAll
    static void pair() {
        tree = Fixtures.load("good", problems);
        SiteSource demo = tree.clusters().get("demo");
        adopter = TranslationPairer.pair(ForkResolver.resolve(tree.schools().get("adopter"), Optional.of(demo), problems), problems);
        template = TranslationPairer.pair(ForkResolver.resolve(demo, Optional.empty(), problems), problems);
    }

    private static TranslationState state(String key) {
        return adopter.stream().filter(s -> s.pageKey().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theGoodFixturePairsWithoutProblems() {
        assertEquals(List.of(), problems.all());
    }

    @Test
    void everyEnglishPageHasAWelshState() {
        assertEquals(List.of("about", "appendix-a-agreement", "policy"), adopter.stream().map(TranslationState::pageKey).toList());
        assertTrue(adopter.stream().allMatch(s -> s.language().equals("cy")));
    }

    @Test
    void onlyThePlantedTranslationIsStale() {
        List<TranslationState> stale = adopter.stream().filter(TranslationState::stale).toList();
        assertEquals(List.of("about"), stale.stream().map(TranslationState::pageKey).toList());
        TranslationState about = stale.get(0);
        assertEquals("5d41402abc4b", about.recordedHash());
        String current = TranslationPairer.hashOf(tree.schools().get("adopter").page("en", "about").orElseThrow());
        assertEquals(current, about.currentHash());
        assertEquals(tree.schools().get("adopter").page("cy", "about").orElseThrow().file(), about.file());
        assertTrue(template.stream().noneMatch(TranslationState::stale), template.toString());
    }

    @Test
    void anAdaptedPageIsDraftWhenTheSchoolsTranslationIsDraft() {
        assertEquals(TranslationState.Status.DRAFT, state("policy").status());
        assertEquals(TranslationState.Status.REVIEWED, state("appendix-a-agreement").status());
        assertEquals(TranslationState.Status.REVIEWED, state("about").status());
    }

    @Test
    void aPageWithoutItsWelshCounterpartFailsAtTheEnglishFile() {
        Problems found = new Problems();
        ContentTree half = Fixtures.load("untranslated", found);
        ResolvedSite site = ForkResolver.resolve(half.schools().get("half"), Optional.empty(), found);
        List<TranslationState> states = TranslationPairer.pair(site, found);

        assertEquals(1, found.errors().size(), found.all().toString());
        Problem missing = found.errors().get(0);
        assertEquals("missing-translation", missing.code());
        assertEquals(Fixtures.content("untranslated").resolve("schools/half/en/rules.adoc"), missing.file());
        assertEquals(1, missing.line());
        TranslationState rules = states.stream().filter(s -> s.pageKey().equals("rules")).findFirst().orElseThrow();
        assertEquals(TranslationState.Status.MISSING, rules.status());
    }
}
