package org.polisi.site.compose;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the theme draws around a school page's body ({@code page.ftl}), composed here as records
 * instead of numbered header attributes (docs/adr/0064): the breadcrumbs, the notices above the
 * title, the appendix's caption, the policy's details, the contents list, the policy's appendices
 * and the way back from an appendix. Every string is HTML, ready to print: its text escaped and
 * its attribute references ({@code {school-name}}) resolved by the composer, as Asciidoctor does
 * for a header attribute ({@code AttributeBlock#html}). The page's own title, the last crumb, is
 * Asciidoctor's converted title and is not repeated here.
 *
 * @param crumbs     the breadcrumbs before the page's own title, outermost first
 * @param notices    the notices above the title, in the order they are shown
 * @param caption    "Appendix A" above an appendix's title ("" for none)
 * @param details    a policy's version, dates and approval (empty for any other page)
 * @param contents   the top-level sections, when the page has enough of them (else none)
 * @param appendices a policy's appendices
 * @param back       an appendix's link back to its policy
 */
public record PageChrome(List<Link> crumbs, List<Notice> notices, String caption, Optional<PolicyDetails> details,
                         List<Link> contents, List<Link> appendices, Optional<Link> back) {
    /** A page with nothing around its body (the root pages, drawn by {@code index.ftl}). */
    public static final PageChrome NONE = new PageChrome(List.of(), List.of(), "", Optional.empty(), List.of(), List.of(),
            Optional.empty());

    public PageChrome {
        crumbs = List.copyOf(crumbs);
        notices = List.copyOf(notices);
        contents = List.copyOf(contents);
        appendices = List.copyOf(appendices);
    }

    /** A link: its words and where it goes (relative to the page, or {@code #id} on it). */
    public record Link(String title, String href) {
    }

    /** A notice: what it is about (its class is {@code notice--<kind>}) and its paragraphs. */
    public record Notice(Kind kind, List<Paragraph> paragraphs) {
        public Notice {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /** Why a page carries a notice. */
    public enum Kind {
        /** The page is a cluster template's preview, not a school's published policy. */
        PREVIEW,
        /** The page is a draft translation, not yet checked. */
        DRAFT,
        /** The page's English source has changed in substance since it was translated. */
        STALE,
        /** The page is missing in one of the site's languages. */
        UNTRANSLATED;

        /** As the theme's class names write it ({@code notice--draft}). */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One paragraph of a notice.
     *
     * @param lang its language when it differs from, or must be stated beside, the page's ("" for the page's)
     * @param lead words shown in bold before the text ("" for none)
     * @param text the text
     */
    public record Paragraph(String lang, String lead, String text) {
    }

    /**
     * A policy's details.
     *
     * @param overdue the warning that its review is overdue ("" when it is not)
     * @param lines   its version, last update, approval and review date, those it has, in that order
     */
    public record PolicyDetails(String overdue, List<String> lines) {
        public PolicyDetails {
            lines = List.copyOf(lines);
        }
    }
}
