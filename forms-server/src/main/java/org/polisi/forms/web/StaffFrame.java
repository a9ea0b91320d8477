package org.polisi.forms.web;

import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import org.jsoup.nodes.Element;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.staff.StaffPermissions;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.text.DisplayText;

/** The frame of staff pages: the school's name, the staff navigation, and a logout button. */
final class StaffFrame {

    private final PageLayout layout;
    private final Messages messages;
    private final ManifestCatalog manifests;

    StaffFrame(PageLayout layout, Messages messages, ManifestCatalog manifests) {
        this.layout = layout;
        this.messages = messages;
        this.manifests = manifests;
    }

    PageLayout.Page page(Context ctx, StaffSession session, String titleKey) {
        return page(ctx, session, titleKey, Map.of());
    }

    /** A staff page whose title message takes named arguments (ICU MessageFormat). */
    PageLayout.Page page(Context ctx, StaffSession session, String titleKey, Map<String, ?> titleArguments) {
        String language = session.language();
        String title = messages.format(language, titleKey, titleArguments);
        PageLayout.Page page = layout.page(language, title, schoolName(session) + " – " + messages.get(language, "staff.area"),
                "/staff/", RequestLanguage.toggleHref(ctx, language));
        page.staff(header(session, title));
        return page;
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
        List<PageLayout.Link> links = NAVIGATION.stream()
                .filter(each -> !ROSTER.equals(each) || StaffPermissions.mayUseRoster(session.user()))
                .map(each -> new PageLayout.Link(each, messages.get(language, titleOf(each)))).toList();
        return new PageLayout.StaffHeader(messages.get(language, "staff.nav"), links, messages.get(language, "staff.logout"),
                StaffAuth.CSRF_FIELD, session.csrfToken(), title,
                messages.format(language, "staff.signed-in-as", Map.of("name", DisplayText.isolated(session.user().name()),
                        "role", messages.get(language, "role." + session.user().role()))));
    }

    /** The staff pages in the navigation, in order; each page's title is its {@code staff.<name>.title}. */
    private static final List<String> NAVIGATION = List.of("/staff/", "/staff/submissions", "/staff/consents",
            "/staff/governors", "/staff/signatures", "/staff/people", StaffFrame.ROSTER, "/staff/account");
    /** The roster's page: in the navigation of those who may use it only. */
    private static final String ROSTER = "/staff/roster";

    private static String titleOf(String href) {
        String name = href.substring("/staff/".length());
        return "staff." + (name.isEmpty() ? "dashboard" : name) + ".title";
    }

    /** The theme's error summary, for a staff page whose content is still assembled with Jsoup. */
    org.jsoup.nodes.Element errorSummary(String language, List<ErrorSummary.Problem> problems) {
        return layout.errorSummary(new ErrorSummary(messages.get(language, "error.summary-title"), problems));
    }

    /** A staff action that was not recorded: what was wrong (422), the way back, and one log line. */
    void refused(Context ctx, StaffSession session, String titleKey, String messageKey, String backHref) {
        org.slf4j.LoggerFactory.getLogger(StaffFrame.class).info("Refused {} {}: {}", ctx.method(), ctx.path(), messageKey);
        render(ctx, session, 422, titleKey, Map.of(), "refused", new Refused(messages.get(session.language(), messageKey),
                new PageLayout.Link(backHref, messages.get(session.language(), "error.back-to-form"))));
    }

    /** The view of {@code server/refused.ftl}: what was wrong, and the way back. */
    record Refused(String message, PageLayout.Link back) {
    }

}
