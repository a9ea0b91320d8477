package org.polisi.forms.web;

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
        String schoolName = manifests.school(session.user().school())
                .map(manifest -> Text.in(manifest.schoolName(), language)).orElse(session.user().school());
        String title = messages.format(language, titleKey, titleArguments);
        PageLayout.Page page = layout.page(language, title, schoolName + " – " + messages.get(language, "staff.area"),
                "/staff/", RequestLanguage.toggleHref(ctx, language));
        Element header = page.document().selectFirst("header.site-header");
        Element nav = Html.add(header, "nav", "staff-nav").attr("aria-label", messages.get(language, "staff.nav"));
        Element list = Html.add(nav, "ul");
        link(list, "/staff/", messages.get(language, "staff.dashboard.title"));
        link(list, "/staff/submissions", messages.get(language, "staff.submissions.title"));
        link(list, "/staff/consents", messages.get(language, "staff.consents.title"));
        link(list, "/staff/governors", messages.get(language, "staff.governors.title"));
        link(list, "/staff/signatures", messages.get(language, "staff.signatures.title"));
        link(list, "/staff/people", messages.get(language, "staff.people.title"));
        if (StaffPermissions.mayUseRoster(session.user())) {
            link(list, "/staff/roster", messages.get(language, "staff.roster.title"));
        }
        link(list, "/staff/account", messages.get(language, "staff.account.title"));
        Element logout = Html.add(nav, "form").attr("method", "post").attr("action", "/staff/logout");
        Html.hidden(logout, StaffAuth.CSRF_FIELD, session.csrfToken());
        Html.text(logout, "button", messages.get(language, "staff.logout")).addClass("button button--secondary")
                .attr("type", "submit");
        Html.text(page.main(), "h1", title);
        Html.text(page.main(), "p", messages.format(language, "staff.signed-in-as", Map.of("name", DisplayText.isolated(session.user().name()),
                "role", messages.get(language, "role." + session.user().role())))).addClass("signed-in-as");
        return page;
    }

    /** A staff action that was not recorded: what was wrong (422), the way back, and one log line. */
    void refused(Context ctx, StaffSession session, String titleKey, String messageKey, String backHref) {
        PageLayout.Page page = page(ctx, session, titleKey);
        Html.text(page.main(), "p", messages.get(session.language(), messageKey)).addClass("error-message");
        Html.link(Html.add(page.main(), "p"), backHref, messages.get(session.language(), "error.back-to-form"));
        org.slf4j.LoggerFactory.getLogger(StaffFrame.class).info("Refused {} {}: {}", ctx.method(), ctx.path(), messageKey);
        Responses.html(ctx, 422, page.html());
    }

    private static void link(Element list, String href, String text) {
        Html.link(Html.add(list, "li"), href, text);
    }
}
