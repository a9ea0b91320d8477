package org.polisi.forms.web;

import io.javalin.http.Context;
import org.jsoup.nodes.Element;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.staff.SecondFactor;
import org.polisi.forms.staff.StaffSession;
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
        var recovery = secondFactor.enrol(session.user().id(), session.pendingSecret(), ctx.formParam("code"));
        if (recovery.isEmpty()) {
            page(ctx, session, 422, messages.get(language, "staff.account.wrong-code"));
            return;
        }
        session.pendingSecret(null);
        session.enrolmentDue(false);
        PageLayout.Page page = frame.page(ctx, session, "staff.account.title");
        Html.text(page.main(), "h2", messages.get(language, "staff.account.done"));
        Html.text(page.main(), "p", messages.get(language, "staff.account.recovery"));
        Element list = Html.add(page.main(), "ul", "recovery-codes");
        recovery.get().forEach(code -> Html.text(Html.add(list, "li"), "code", code));
        Html.link(Html.add(page.main(), "p"), "/staff/", messages.get(language, "staff.account.continue"));
        Responses.html(ctx, 200, page.html());
    }

    private void page(Context ctx, StaffSession session, int status, String error) {
        String language = session.language();
        long userId = session.user().id();
        PageLayout.Page page = frame.page(ctx, session, "staff.account.title");
        Element main = page.main();
        Html.text(main, "h2", messages.get(language, "staff.account.second-factor"));
        if (secondFactor.enrolled(userId) && session.pendingSecret() == null) {
            Html.text(main, "p", messages.format(language, "staff.account.enrolled", Map.of("count", secondFactor.recoveryCodesLeft(userId))));
            Responses.html(ctx, status, page.html());
            return;
        }
        Html.text(main, "p", messages.get(language, secondFactor.required(session.user())
                ? "staff.account.required" : "staff.account.optional"));
        if (session.pendingSecret() == null) {
            session.pendingSecret(secondFactor.newSecret());
        }
        String secret = session.pendingSecret();
        String email = session.user().email();
        Element steps = Html.add(main, "ol", "steps");
        Element scan = Html.add(steps, "li");
        Html.text(scan, "p", messages.get(language, "staff.account.step-scan"));
        Html.add(scan, "img").attr("src", secondFactor.qrCode(secret, email))
                .attr("alt", messages.get(language, "staff.account.qr-alt")).attr("width", "240").attr("height", "240");
        Html.text(scan, "p", messages.get(language, "staff.account.step-key"));
        Html.text(Html.add(scan, "p"), "code", grouped(secret)).attr("id", "second-factor-key");
        Element confirm = Html.add(steps, "li");
        Element form = Html.add(confirm, "form").attr("method", "post").attr("action", "/staff/account/second-factor")
                .attr("novalidate", "").attr("accept-charset", "UTF-8");
        Html.hidden(form, StaffAuth.CSRF_FIELD, session.csrfToken());
        Element group = Html.add(form, "div", "form-group").attr("data-field", "code");
        if (error != null) {
            group.addClass("form-group--error");
        }
        Html.text(group, "label", messages.get(language, "staff.account.step-code")).addClass("label")
                .attr("for", "account--code");
        if (error != null) {
            Html.text(group, "p", error).addClass("error-message").attr("id", "account--code-error");
        }
        Element input = Html.add(group, "input", "input").attr("id", "account--code").attr("name", "code")
                .attr("type", "text").attr("inputmode", "numeric").attr("autocomplete", "one-time-code");
        if (error != null) {
            input.attr("aria-describedby", "account--code-error").attr("aria-invalid", "true");
        }
        Html.text(form, "button", messages.get(language, "staff.account.confirm")).addClass("button")
                .attr("type", "submit");
        Responses.html(ctx, status, page.html());
    }

    /** The Base32 key in groups of four, as authenticator apps show keys, so it can be typed. */
    static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
