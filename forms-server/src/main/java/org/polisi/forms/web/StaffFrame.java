package org.polisi.forms.web;

import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.staff.StaffArea;
import org.polisi.forms.staff.StaffRecords;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.text.DisplayText;

/**
 * The frame of staff pages: the school's name, the staff navigation (only the pages the member of
 * staff may open, as {@link StaffRecords#mayOpen} decides), and a logout button.
 */
final class StaffFrame {

    private final PageLayout layout;
    private final Messages messages;
    private final ManifestCatalog manifests;
    private final StaffRecords records;

    StaffFrame(PageLayout layout, Messages messages, ManifestCatalog manifests, StaffRecords records) {
        this.records = records;
        this.layout = layout;
        this.messages = messages;
        this.manifests = manifests;
    }

    /**
     * Answers with the staff page {@code server/<template>.ftl}: the shared frame, the staff
     * navigation, the title ({@code titleKey}, an ICU message with {@code titleArguments}) and the view.
     */
    void render(Context ctx, StaffSession session, int status, String titleKey, Map<String, ?> titleArguments,
                String template, Object view) {
        String language = session.language();
        String title = messages.format(language, titleKey, titleArguments);
        PageFrame frame = layout.frame(language, title, schoolName(session) + " – " + messages.get(language, "staff.area"),
                "/staff/", RequestLanguage.toggleHref(ctx, language));
        Responses.html(ctx, status, layout.render(template, frame, header(session, title), view));
    }

    private String schoolName(StaffSession session) {
        return manifests.school(session.user().school())
                .map(manifest -> Text.in(manifest.schoolName(), session.language())).orElse(session.user().school());
    }

    /** The staff navigation, the page's title and who is signed in, as {@code frames.ftl} draws them. */
    PageLayout.StaffHeader header(StaffSession session, String title) {
        String language = session.language();
        List<PageLayout.Link> links = java.util.Arrays.stream(StaffArea.values())
                .filter(area -> records.mayOpen(session.user(), area)) // no link that would answer 403
                .map(area -> new PageLayout.Link(area.path(), messages.get(language, "staff." + area.word() + ".title")))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        if (session.schools() > 1) {   // a person with several live memberships (docs/adr/0080)
            links.add(new PageLayout.Link("/staff/school", messages.get(language, "school.switch.title")));
        }
        return new PageLayout.StaffHeader(messages.get(language, "staff.nav"), links, messages.get(language, "staff.logout"),
                StaffAuth.CSRF_FIELD, session.csrfToken(), title,
                messages.format(language, "staff.signed-in-as", Map.of("name", DisplayText.isolated(session.user().name()),
                        "role", roleName(session.user().school(), session.user().role(), language))));
    }

    /** A staff role's name at a school in a language: the school's own title when it gives one (ADR 0101). */
    String roleName(String school, String role, String language) {
        return org.polisi.forms.manifest.RoleNames.of(messages, manifests.school(school), role, language);
    }

    /** A staff action that was not recorded: what was wrong (422), the way back, and one log line. */
    void refused(Context ctx, StaffSession session, String titleKey, String messageKey, String backHref) {
        refused(ctx, session, titleKey, messageKey, backHref, null);
    }

    /**
     * 422 for a staff action not recorded: the GOV.UK error summary, and when {@code retry} is given
     * (a text the member of staff typed), its form again with exactly what was typed, to correct and
     * send, so that nothing typed is lost.
     */
    void refused(Context ctx, StaffSession session, String titleKey, String messageKey, String backHref, Retry retry) {
        org.slf4j.LoggerFactory.getLogger(StaffFrame.class).info("Refused {} {}: {}", ctx.method(), ctx.path(), messageKey);
        String language = session.language();
        String message = messages.get(language, messageKey);
        render(ctx, session, 422, titleKey, Map.of(), "refused", new Refused(message,
                new PageLayout.Link(backHref, messages.get(language, "error.back-to-form")),
                new ErrorSummary(messages.get(language, "error.summary-title"),
                        List.of(new ErrorSummary.Problem(message, retry == null ? "" : "#retry-text"))),
                retry, messages.get(language, "error.hidden-prefix")));
    }

    /**
     * A refused text's form: where it posts, its anti-forgery token, hidden fields, the text's field
     * name, label and limit, {@code value} exactly as typed, and the button.
     */
    record Retry(String action, String csrfField, String csrfToken, List<Post.Hidden> hidden, String name,
                 String label, String value, int maxLength, String button) {
    }

    /** The view of {@code server/refused.ftl}: what was wrong, its error summary, the typed text's form (or null), and the way back. */
    record Refused(String message, PageLayout.Link back, ErrorSummary summary, Retry retry, String hiddenPrefix) {
    }

}
