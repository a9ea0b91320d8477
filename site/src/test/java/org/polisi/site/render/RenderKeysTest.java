package org.polisi.site.render;

import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.compose.PageChrome;
import org.polisi.site.compose.StagedPage;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The chrome around a page's body travels beside its AsciiDoc, not in it (docs/adr/0064), so the
 * build cache's key must cover it: a page whose breadcrumb or notice changed while its text did
 * not is converted again, and two different chromes never share a key.
 */
class RenderKeysTest {
    private final RenderKeys keys = new RenderKeys(Fixtures.theme(), List.of());

    private static StagedPage page(PageChrome chrome) {
        return new StagedPage("school", "en", "policy", "school/en/policy", "= Policy\n\nText.\n", List.of(), "abc", chrome);
    }

    private static PageChrome crumbs(PageChrome.Link... links) {
        return new PageChrome(List.of(links), List.of(), "", Optional.empty(), List.of(), List.of(), Optional.empty());
    }

    private static PageChrome notice(PageChrome.Kind kind, String text) {
        return new PageChrome(List.of(), List.of(new PageChrome.Notice(kind, List.of(new PageChrome.Paragraph("", "", text)))),
                "", Optional.empty(), List.of(), List.of(), Optional.empty());
    }

    @Test
    void equalChromeGivesEqualKeys() {
        assertEquals(keys.of(page(crumbs(new PageChrome.Link("Home", "../../index.html")))),
                keys.of(page(crumbs(new PageChrome.Link("Home", "../../index.html")))));
    }

    @Test
    void aChangeToTheChromeAloneChangesTheKey() {
        String none = keys.of(page(PageChrome.NONE));
        assertNotEquals(none, keys.of(page(crumbs(new PageChrome.Link("Home", "../../index.html")))));
        assertNotEquals(none, keys.of(page(notice(PageChrome.Kind.DRAFT, "Draft"))));
        assertNotEquals(keys.of(page(notice(PageChrome.Kind.DRAFT, "Draft"))), keys.of(page(notice(PageChrome.Kind.PREVIEW, "Draft"))));
        assertNotEquals(none, keys.of(page(new PageChrome(List.of(), List.of(), "", Optional.of(new PageChrome.PolicyDetails("", List.of())),
                List.of(), List.of(), Optional.empty()))), "details shown, if empty, are not no details");
    }

    @Test
    void wordsMovedBetweenFieldsOrItemsGiveAnotherKey() {
        assertNotEquals(keys.of(page(crumbs(new PageChrome.Link("ab", "c")))), keys.of(page(crumbs(new PageChrome.Link("a", "bc")))));
        assertNotEquals(keys.of(page(crumbs(new PageChrome.Link("a", "b"), new PageChrome.Link("c", "d")))),
                keys.of(page(crumbs(new PageChrome.Link("a", "b c d")))));
    }
}
