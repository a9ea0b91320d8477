package org.polisi.forms.web;

import java.util.Arrays;
import java.util.List;
import org.jsoup.nodes.Element;
import org.polisi.forms.i18n.Messages;

/**
 * Every page the server writes itself (errors, confirmation, login, staff pages) goes out through
 * the theme ({@link ThemePages}): the same frame as the site's pages ({@code layout.ftl}), with the
 * theme's {@code /assets/polisi.css}, a skip link, the site header, a language toggle (English
 * first), the container with {@code <main id="main-content">}, and the footer. No script, no
 * inline style.
 *
 * <p>Every page is drawn by its own template ({@link #render}) from a view record: no page's markup
 * is assembled in Java. Only a baked page of the site that the server fills in (a re-shown form)
 * receives the theme's error summary as an element ({@link #errorSummary}).
 */
final class PageLayout {

    private final Messages messages;
    private final ThemePages theme;

    PageLayout(Messages messages, ThemePages theme) {
        this.messages = messages;
        this.theme = theme;
    }

    Messages messages() {
        return messages;
    }

    /**
     * A staff page's header, drawn by {@code frames.ftl}'s {@code staff} macro.
     *
     * @param links      the staff navigation, in order
     * @param signedInAs "Signed in as …", the name isolated
     */
    record StaffHeader(String navLabel, List<Link> links, String logout, String csrfField, String csrfToken,
                       String title, String signedInAs) {
    }

    /** A link: where it goes and its words. */
    record Link(String href, String text) {
    }

    /**
     * @param siteName   shown in the header: the school's name, or the server's own name
     * @param homeHref   where the header's name links
     * @param toggleHref the same page in the other language, or null for no toggle
     */
    PageFrame frame(String language, String title, String siteName, String homeHref, String toggleHref) {
        return PageFrame.of(messages, language, title, siteName, homeHref, toggleHref);
    }

    /** The page {@code server/<template>.ftl} with its view record, in the frame. */
    String render(String template, PageFrame frame, Object view) {
        return theme.render(template, frame, view);
    }

    /** A staff page {@code server/<template>.ftl}: the frame, the staff header and the view record. */
    String render(String template, PageFrame frame, StaffHeader staff, Object view) {
        return theme.render(template, frame, staff, view);
    }

    /** A fragment template's markup, such as the error summary put into a baked page. */
    String fragment(String template, Object view) {
        return theme.fragment(template, view);
    }

    /**
     * The theme's error summary ({@code layout.ftl}'s {@code errorSummary}), as an element to put
     * into a baked page of the site that the server shows again (a re-shown form).
     */
    Element errorSummary(ErrorSummary summary) {
        return org.jsoup.Jsoup.parseBodyFragment(theme.fragment("error-summary", summary)).body().child(0);
    }

    /** Paragraphs from text with blank lines between them (a message or a manifest's confirmation text). */
    static List<String> paragraphs(String text) {
        return Arrays.stream(text.strip().split("\\n\\s*\\n")).filter(paragraph -> !paragraph.isBlank())
                .map(String::strip).toList();
    }
}
