package org.polisi.forms.web;

import java.util.Arrays;
import java.util.List;
import org.polisi.forms.i18n.Language;
import org.polisi.forms.i18n.Messages;

/**
 * What the theme's frame ({@code layout.ftl}) shows around a server page: the same header,
 * language toggle, container and footer as the site's pages. The site hands its frame to the same
 * macros from {@code page.ftl}; the fields are documented there, in {@code layout.ftl}.
 *
 * @param language    BCP 47 tag of the page
 * @param title       the document's title: the page's title and the site's name
 * @param siteName    the header's name (the school's, or the server's own)
 * @param homeHref    where the header's name links
 * @param stylesheet  the theme's CSS, as the server serves it
 * @param indexed     false: server pages are {@code noindex} and have no hreflang alternates
 * @param languages   the toggle, English first ({@link Language} order); empty for none
 * @param skipLink    the skip link's words
 * @param toggleLabel the toggle's accessible name
 * @param footer      the footer's lines
 */
record PageFrame(String language, String title, String siteName, String homeHref, String stylesheet, boolean indexed,
                 List<LanguageLink> languages, String skipLink, String toggleLabel, List<String> footer) {

    /** One language in the toggle: the current page's is not a link. */
    record LanguageLink(String tag, String name, String href, boolean current) {
    }

    static final String STYLESHEET = "/assets/polisi.css";

    /**
     * A server page's frame.
     *
     * @param title      the page's own title (its {@code h1}); the document title adds the site's name
     * @param toggleHref the same page in the other language, or null for a page with no toggle
     */
    static PageFrame of(Messages messages, String language, String title, String siteName, String homeHref,
                        String toggleHref) {
        List<LanguageLink> languages = toggleHref == null ? List.of() : Arrays.stream(Language.values())
                .map(each -> new LanguageLink(each.tag(), messages.get(each.tag(), "language.name"),
                        each.tag().equals(language) ? "" : toggleHref, each.tag().equals(language)))
                .toList();
        return new PageFrame(language, title + " – " + siteName, siteName, homeHref, STYLESHEET, false, languages,
                messages.get(language, "page.skip-link"), messages.get(language, "page.language-toggle"),
                List.of(messages.get(language, "page.footer")));
    }
}
