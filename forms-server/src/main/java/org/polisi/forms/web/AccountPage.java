package org.polisi.forms.web;

import io.javalin.http.Context;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.staff.SecondFactor;
import org.polisi.forms.staff.StaffSession;
import java.util.List;
import java.util.Map;

/**
 * {@code /staff/account}: the second factor, set up without JavaScript. The page shows the new
 * secret as a QR code drawn on the server (a PNG in a {@code data:} address, which the
 * Content-Security-Policy allows) and as text to type, and asks for the app's first code; once that
 * code is right it shows the recovery codes, once. A role that must have a second factor sees
 * nothing else of the staff pages until it has one.
 */
final class AccountPage {

    private final SecondFactor secondFactor;
    private final StaffFrame frame;
    private final ErrorPages errors;
    private final Messages messages;

    AccountPage(SecondFactor secondFactor, StaffFrame frame, ErrorPages errors, Messages messages) {
        this.secondFactor = secondFactor;
        this.frame = frame;
        this.errors = errors;
        this.messages = messages;
    }

    void show(Context ctx, StaffSession session) {
        page(ctx, session, 200, null);
    }

    void enrol(Context ctx, StaffSession session, boolean tokenValid) {
        if (!tokenValid || session.pendingSecret() == null) {
            errors.forbidden(ctx);
            return;
        }
        String language = session.language();
        var recovery = secondFactor.enrol(session.user().personId(), session.pendingSecret(), ctx.formParam("code"));
        if (recovery.isEmpty()) {
            page(ctx, session, 422, messages.get(language, "staff.account.wrong-code"));
            return;
        }
        session.pendingSecret(null);
        session.enrolmentDue(false);
        frame.render(ctx, session, 200, "staff.account.title", Map.of(), "account", new View(
                messages.get(language, "staff.account.second-factor"), null, null,
                new Recovery(messages.get(language, "staff.account.done"), messages.get(language, "staff.account.recovery"),
                        recovery.get(), new PageLayout.Link(next(ctx).orElse(ReturnPath.DASHBOARD),
                        messages.get(language, "staff.account.continue")))));
    }

    /**
     * The view of {@code server/account.ftl}: one of the account's second factor already set up
     * ({@code enrolled}, the sentence saying so), the steps to set it up, or the recovery codes.
     */
    record View(String heading, String enrolled, Enrolment enrolment, Recovery recovery) {
    }

    /** The steps to set up a second factor: scan (or type) the key, then confirm the app's first code; {@code error} or null. */
    record Enrolment(String need, String stepScan, String qrCode, String qrAlt, String stepKey, String key,
                     String stepCode, String error, String action, String csrfField, String csrfToken, String confirm) {
    }

    /** The recovery codes, shown once, and the way on. */
    record Recovery(String done, String explanation, List<String> codes, PageLayout.Link next) {
    }

    private void page(Context ctx, StaffSession session, int status, String error) {
        String language = session.language();
        long userId = session.user().personId();   // the second factor is the person's (ADR 0080)
        String heading = messages.get(language, "staff.account.second-factor");
        if (secondFactor.enrolled(userId) && session.pendingSecret() == null) {
            frame.render(ctx, session, status, "staff.account.title", Map.of(), "account", new View(heading,
                    messages.format(language, "staff.account.enrolled", Map.of("count", secondFactor.recoveryCodesLeft(userId))),
                    null, null));
            return;
        }
        if (session.pendingSecret() == null) {
            session.pendingSecret(secondFactor.newSecret());
        }
        String secret = session.pendingSecret();
        Enrolment enrolment = new Enrolment(messages.get(language, secondFactor.required(session.user())
                ? "staff.account.required" : "staff.account.optional"),
                messages.get(language, "staff.account.step-scan"), secondFactor.qrCode(secret, session.user().email()),
                messages.get(language, "staff.account.qr-alt"), messages.get(language, "staff.account.step-key"),
                grouped(secret), messages.get(language, "staff.account.step-code"), error,
                ReturnPath.withNext("/staff/account/second-factor", next(ctx)), StaffAuth.CSRF_FIELD,
                session.csrfToken(), messages.get(language, "staff.account.confirm"));
        frame.render(ctx, session, status, "staff.account.title", Map.of(), "account",
                new View(heading, null, enrolment, null));
    }

    /** The staff page asked for before the second factor was set up ({@link ReturnPath}), when a valid one is named. */
    private static java.util.Optional<String> next(Context ctx) {
        return ReturnPath.of(ctx.queryParam(ReturnPath.PARAMETER));
    }

    /** The Base32 key in groups of four, as authenticator apps show keys, so it can be typed. */
    static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
