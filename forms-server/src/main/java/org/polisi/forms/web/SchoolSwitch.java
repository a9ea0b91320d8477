package org.polisi.forms.web;

import io.javalin.http.Context;
import java.util.Map;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.staff.LoginService;
import org.polisi.forms.staff.StaffSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /staff/school}: a person signed in to one of their schools changes to another without
 * signing in again (docs/adr/0080). The choice is a staff form (the session's anti-forgery token);
 * only another live membership of the same person is accepted, and the change ends the session and
 * starts a new one naming the chosen membership, with a new id and token (OWASP Session Management:
 * renew the session id when its privileges change), so nothing of the school left stays open.
 */
final class SchoolSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(SchoolSwitch.class);

    private final LoginService logins;
    private final StaffAuth auth;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;
    private final ManifestCatalog schools;

    SchoolSwitch(LoginService logins, StaffAuth auth, StaffFrame frame, ErrorPages errors, Messages messages,
                 ManifestCatalog schools) {
        this.logins = logins;
        this.auth = auth;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
        this.schools = schools;
    }

    void show(Context ctx, StaffSession session) {
        page(ctx, session, 200, null);
    }

    void change(Context ctx, StaffSession session, boolean tokenValid) {
        if (!tokenValid) {
            errors.forbidden(ctx);
            return;
        }
        var chosen = logins.choose(session.user().personId(), ctx.formParam("school"));
        if (chosen.isEmpty()) {
            LOG.info("Refused a change of school by staff account {} of {}: not one of the person's live memberships",
                    session.user().id(), session.user().school());
            page(ctx, session, 422, messages.get(session.language(), "school.choose.missing"));
            return;
        }
        LOG.info("Staff account {} of {} changed school to its person's membership {} of {}", session.user().id(),
                session.user().school(), chosen.get().user().id(), chosen.get().user().school());
        auth.startSession(ctx, chosen.get().user(), session.language(), chosen.get().enrolmentDue(),
                session.created());
        Responses.seeOther(ctx, chosen.get().enrolmentDue() ? "/staff/account" : ReturnPath.DASHBOARD);
    }

    private void page(Context ctx, StaffSession session, int status, String error) {
        String language = session.language();
        frame.render(ctx, session, status, "school.switch.title", Map.of(), "choose-school",
                SchoolChoice.of(messages, language, schools, logins.liveMemberships(session.user().personId()),
                        session.user().id(), "/staff/school", StaffAuth.CSRF_FIELD, session.csrfToken(), error));
    }
}
