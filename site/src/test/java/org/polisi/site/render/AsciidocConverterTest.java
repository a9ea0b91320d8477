package org.polisi.site.render;

import org.junit.jupiter.api.Test;
import org.polisi.site.compose.StagedPage;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The order in which pages are converted (docs/adr/0092): the shortest page alone first, then the
 * rest longest first, ties in the build's order, every page exactly once.
 */
class AsciidocConverterTest {

    private static StagedPage page(String key, int length) {
        return new StagedPage("school", "en", key, "school/en/" + key, "x".repeat(length), List.of());
    }

    private static List<String> keys(List<StagedPage> pages) {
        return pages.stream().map(StagedPage::key).toList();
    }

    @Test
    void theShortestPageGoesFirstThenTheRestLongestFirst() {
        List<StagedPage> pages = List.of(page("policy", 20_000), page("index", 6_000), page("appendix", 9_000),
                page("long-policy", 70_000), page("form", 6_500));
        assertEquals(List.of("index", "long-policy", "policy", "appendix", "form"), keys(AsciidocConverter.schedule(pages)));
    }

    @Test
    void pagesOfTheSameLengthKeepTheBuildsOrder() {
        List<StagedPage> pages = List.of(page("a", 500), page("b", 100), page("c", 500), page("d", 100), page("e", 900), page("f", 500));
        assertEquals(List.of("b", "e", "a", "c", "f", "d"), keys(AsciidocConverter.schedule(pages)));
    }

    @Test
    void everyPageIsConvertedOnceWhateverTheLengths() {
        List<StagedPage> pages = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            pages.add(page("page-" + i, (i * 7919) % 613));
        }
        List<StagedPage> order = AsciidocConverter.schedule(pages);
        assertEquals(pages.size(), order.size());
        assertEquals(keys(pages).stream().sorted().toList(), keys(order).stream().sorted().toList());
        for (int i = 2; i < order.size(); i++) {
            assertEquals(true, order.get(i - 1).asciidoc().length() >= order.get(i).asciidoc().length(), keys(order).toString());
        }
        assertEquals(pages.stream().mapToInt(p -> p.asciidoc().length()).min().orElseThrow(), order.get(0).asciidoc().length());
    }

    @Test
    void aSinglePageIsItsOwnOrder() {
        assertEquals(List.of("only"), keys(AsciidocConverter.schedule(List.of(page("only", 10)))));
    }
}
