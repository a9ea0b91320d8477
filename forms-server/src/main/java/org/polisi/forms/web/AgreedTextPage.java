package org.polisi.forms.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.polisi.forms.archive.AgreedText;
import org.polisi.forms.archive.AgreedTextArchive;
import org.polisi.forms.i18n.Dates;
import org.polisi.forms.i18n.Messages;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.storage.SubmissionRow;

/**
 * {@code GET /agreed-texts/{school}/{form}/{version}}: the archived page a form version names, as the
 * person saw it, in its own language, under a note saying what it is and which version. The text is
 * the school's published policy, so the page is public (the receipt links to it). Its form is shown
 * but cannot be sent: its fields are disabled and it has no address to post to.
 */
final class AgreedTextPage {

    private final AgreedTextArchive archive;
    private final ManifestCatalog manifests;
    private final PageLayout layout;
    private final ErrorPages errors;
    private final Messages messages;

    AgreedTextPage(AgreedTextArchive archive, ManifestCatalog manifests, PageLayout layout, ErrorPages errors,
                   Messages messages) {
        this.archive = archive;
        this.manifests = manifests;
        this.layout = layout;
        this.errors = errors;
        this.messages = messages;
    }

    /** Where a record's text is read: the address of its snapshot. */
    static String href(String school, String formId, String version) {
        return "/agreed-texts/" + school + "/" + formId + "/" + version;
    }

    /** Who reads a row about a record's text: staff, or the person who sent it (on their receipt). */
    enum Reader { STAFF, SENDER }

    /**
     * A summary-list row for a record's page or receipt: {@code term}, then a link to the text the
     * record's form version names, or a note that the archive lacks it (which {@code forms verify}
     * also reports). Staff are told since when the version has been on the website; the sender is
     * told only that it is the version on the page when they sent the form, with its version code:
     * their receipt has one date, the day they sent it (GOV.UK's confirmation pattern; issue 25).
     */
    static SummaryRow summaryRow(String term, AgreedTextArchive archive, SubmissionRow row, FormDefinition form,
                                 Messages messages, String language, Reader reader) {
        Optional<AgreedText> text;
        try {
            text = archive.find(row.school(), row.formId(), row.formVersion());
        } catch (IOException unreadable) {
            text = Optional.empty();
        }
        if (text.isEmpty()) {
            return SummaryRow.of(term, messages.get(language, "staff.record.text-missing"));
        }
        String textLanguage = text.get().language();
        String inLanguage = textLanguage.equals(language) ? "" : " (" + messages.get(textLanguage, "language.name") + ")";
        String which = reader == Reader.SENDER
                ? messages.format(language, "confirmation.agreed-version", Map.of("version", row.formVersion()))
                : period(archive, text.get(), Optional.ofNullable(form.versions().get(text.get().language())), messages,
                        language);
        return SummaryRow.linked(term, new SummaryRow.Link(href(row.school(), row.formId(), row.formVersion()),
                        text.get().pageTitle(), textLanguage), inLanguage + ", " + which);
    }

    /**
     * When the version was on the website, in {@code language}: "on this website since …" for the
     * version published now, "published on this website from … until …" for one replaced since, or
     * "from …, and no longer on it" when the archive holds no later version (tester 3's fault 9).
     */
    static String period(AgreedTextArchive archive, AgreedText text, Optional<String> currentVersion, Messages messages,
                         String language) {
        return period(archive, text, currentVersion, messages, language, false);
    }

    /** As {@link #period}; {@code row} for the archived page's own row ("Published: from … until …"). */
    private static String period(AgreedTextArchive archive, AgreedText text, Optional<String> currentVersion,
                                 Messages messages, String language, boolean row) {
        AgreedTextArchive.Publication publication;
        try {
            publication = archive.publication(text, currentVersion);
        } catch (IOException unlisted) {   // the others cannot be listed: say no more than the first date
            publication = new AgreedTextArchive.Publication(LocalDate.parse(text.firstPublished()), Optional.empty(), false);
        }
        String from = Dates.day(publication.from(), language);
        if (publication.current()) {
            return messages.format(language, row ? "agreed-text.row.since" : "staff.record.text-published",
                    Map.of("date", from));
        }
        String prefix = row ? "agreed-text.row." : "agreed-text.period.";
        return publication.until().map(until -> messages.format(language, prefix + "until",
                        Map.of("from", from, "until", Dates.day(until, language))))
                .orElseGet(() -> messages.format(language, prefix + "replaced", Map.of("from", from)));
    }

    void show(Context ctx) throws IOException {
        Optional<AgreedText> found = archive.find(ctx.pathParam("school"), ctx.pathParam("form"), ctx.pathParam("version"));
        if (found.isEmpty()) {
            errors.notFound(ctx);
            return;
        }
        AgreedText text = found.get();
        String language = Messages.supported(text.language());
        String schoolName = manifests.school(text.school()).map(Manifest::schoolName)
                .map(names -> Text.in(names, language)).orElse(text.school());
        // the dates this version was on the website, so that an inspector can tell when it was in
        // force (tester 3's fault 9), in a row of their own, apart from the page's own words
        String title = messages.format(language, "agreed-text.title", Map.of("form", text.formTitle()));
        boolean agreed = FormKind.AGREEMENT.word().equals(text.formKind()) || FormKind.CONSENT.word().equals(text.formKind());
        Element archived = Jsoup.parseBodyFragment(text.pageHtml()).body();
        archived.select("form").forEach(form -> closeForm(form, language));
        FormPageFiller.keepLinksRelativeTo(archived, text.pageUrl());
        archived.ownerDocument().outputSettings().prettyPrint(false);
        Responses.html(ctx, 200, layout.render("agreed-text", layout.frame(language, title, schoolName,
                "/" + text.school() + "/" + language + "/", null), new View(
                messages.get(language, agreed ? "agreed-text.intro" : "agreed-text.intro-seen"),
                List.of(SummaryRow.of(messages.get(language, "confirmation.form"), text.formTitle()),
                        SummaryRow.of(messages.get(language, "csv.version"), text.formVersion()),
                        SummaryRow.of(messages.get(language, "agreed-text.published"), period(archive, text,
                                manifests.form(text.school(), text.formId())
                                        .map(form -> form.versions().get(text.language())), messages, language, true))),
                new PageLayout.Link(text.pageUrl(), messages.get(language, "agreed-text.current")), archived.html())));
    }

    /**
     * The view of {@code server/agreed-text.ftl}: the note above the archived page, and the page
     * itself ({@code archived}: the school's published page as the archive keeps it, its form closed,
     * printed as markup).
     */
    record View(String intro, List<SummaryRow> details, PageLayout.Link current, String archived) {
    }

    /** Keeps every word of the form and makes it impossible to send: no address, every control disabled. */
    private void closeForm(Element form, String language) {
        form.removeAttr("action").removeAttr("method");
        form.select("input[type=hidden], .honeypot, .error-summary-region").remove();
        Element fieldset = new Element("fieldset").attr("disabled", "").addClass("agreed-text__form");
        fieldset.appendElement("legend").addClass("visually-hidden").text(messages.get(language, "agreed-text.form-closed"));
        fieldset.appendChildren(form.childNodesCopy());
        form.empty().appendChild(fieldset);
        form.before(new Element("p").addClass("hint").text(messages.get(language, "agreed-text.form-closed")));
    }
}
