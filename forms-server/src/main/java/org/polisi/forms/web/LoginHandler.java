package org.polisi.forms.web;

import io.javalin.http.Context;
import org.jsoup.nodes.Element;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.staff.LoginService;
import org.polisi.forms.staff.PendingSignIns;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.staff.StaffUser;
import java.util.Map;

/**
 * {@code /staff/login} (e-mail address and password), {@code /staff/login/code} (the second
 * factor's code, for an account that has one) and {@code /staff/logout}. Every failure gets the
 * same words whatever its cause; a throttled client gets 429 with Retry-After.
 */
final class LoginHandler {

    private final LoginService logins;
    private final PendingSignIns pending;
    private final StaffAuth auth;
    private final ClientAddress clients;
    private final ErrorPages errors;
    private final PageLayout layout;
    private final Messages messages;

    LoginHandler(LoginService logins, PendingSignIns pending, StaffAuth auth, ClientAddress clients, ErrorPages errors,
                 PageLayout layout, Messages messages) {
        this.logins = logins;
        this.pending = pending;
        this.auth = auth;
        this.clients = clients;
        this.errors = errors;
        this.layout = layout;
        this.messages = messages;
    }

    void show(Context ctx) {
        if (auth.session(ctx).isPresent()) {
            Responses.seeOther(ctx, "/staff/");
            return;
        }
        form(ctx, 200, null, "");
    }

    void login(Context ctx) {
        if (!auth.validLoginPost(ctx)) {
            errors.forbidden(ctx);
            return;
        }
        String language = RequestLanguage.of(ctx);
        String email = ctx.formParam("email");
        String password = ctx.formParam("password");
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            form(ctx, 422, messages.get(language, "login.error.missing"), email);
            return;
        }
        LoginService.Result result = logins.login(email, password, clients.of(ctx), auth.remembersDevice(ctx, email));
        if (result instanceof LoginService.Result.SecondFactorNeeded needed) {
            auth.holdPending(ctx, pending.start(needed.user()));
            codeForm(ctx, 200, null);
        } else {
            answer(ctx, result, () -> form(ctx, 401, messages.get(language, "login.error.wrong"), email),
                    wait -> form(ctx, 429, messages.format(language, "login.error.throttled", Map.of("minutes", wait)), email));
        }
    }

    void code(Context ctx) {
        if (!auth.validLoginPost(ctx)) {
            errors.forbidden(ctx);
            return;
        }
        String language = RequestLanguage.of(ctx);
        String id = auth.pending(ctx);
        StaffUser user = pending.find(id).orElse(null);
        if (user == null) {
            form(ctx, 401, messages.get(language, "login.code.expired"), "");
            return;
        }
        LoginService.Result result = logins.secondStep(user, ctx.formParam("code"), clients.of(ctx),
                auth.remembersDevice(ctx, user.email()));
        if (result instanceof LoginService.Result.Success) {
            pending.end(id);
        }
        answer(ctx, result, () -> codeForm(ctx, 401, messages.get(language, "login.code.wrong")),
                wait -> codeForm(ctx, 429, messages.format(language, "login.error.throttled", Map.of("minutes", wait))));
    }

    private void answer(Context ctx, LoginService.Result result, Runnable refused,
                        java.util.function.LongConsumer throttled) {
        String language = RequestLanguage.of(ctx);
        if (result instanceof LoginService.Result.Success success) {
            auth.startSession(ctx, success.user(), language, success.enrolmentDue());
            Responses.seeOther(ctx, success.enrolmentDue() ? "/staff/account" : "/staff/");
        } else if (result instanceof LoginService.Result.Throttled throttle) {
            long minutes = Math.max(1, (throttle.retryAfter().toSeconds() + 59) / 60);
            ctx.header("Retry-After", String.valueOf(Math.max(1, throttle.retryAfter().toSeconds())));
            throttled.accept(minutes);
        } else {
            refused.run();
        }
    }

    void logout(Context ctx) {
        StaffSession session = auth.session(ctx).orElse(null);
        if (session == null) {
            Responses.seeOther(ctx, "/staff/login");
            return;
        }
        if (!auth.validPost(ctx, session)) {
            errors.forbidden(ctx);
            return;
        }
        auth.endSession(ctx);
        Responses.seeOther(ctx, "/staff/login?lang=" + session.language());
    }

    private void form(Context ctx, int status, String error, String email) {
        String language = RequestLanguage.of(ctx);
        Element form = page(ctx, "login.title", error, "#login--email", "/staff/login?lang=" + language);
        field(form, "email", "email", "username", messages.get(language, "login.email"), email, null);
        field(form, "password", "password", "current-password", messages.get(language, "login.password"), "", null);
        Html.text(form, "button", messages.get(language, "login.submit")).addClass("button").attr("type", "submit");
        Responses.html(ctx, status, form.ownerDocument().outerHtml());
    }

    private void codeForm(Context ctx, int status, String error) {
        String language = RequestLanguage.of(ctx);
        Element form = page(ctx, "login.code.title", error, "#login--code", "/staff/login/code?lang=" + language);
        Element input = field(form, "code", "text", "one-time-code", messages.get(language, "login.code.label"), "",
                messages.get(language, "login.code.hint"));
        input.attr("inputmode", "text").attr("spellcheck", "false").attr("autocapitalize", "none");
        Html.text(form, "button", messages.get(language, "login.code.submit")).addClass("button").attr("type", "submit");
        Responses.html(ctx, status, form.ownerDocument().outerHtml());
    }

    /** The frame, heading, error summary and form of a sign-in step; returns the form. */
    private Element page(Context ctx, String titleKey, String error, String errorTarget, String action) {
        String language = RequestLanguage.of(ctx);
        String title = messages.get(language, titleKey);
        PageLayout.Page page = layout.page(language, error == null ? title
                        : messages.get(language, "error.title-prefix") + " " + title,
                messages.get(language, "server.name"), "/staff/login?lang=" + language,
                "/staff/login?lang=" + Messages.other(language));
        Element main = page.main();
        Html.text(main, "h1", title);
        Element form = Html.add(main, "form").attr("method", "post").attr("action", action)
                .attr("novalidate", "").attr("accept-charset", "UTF-8");
        Element region = Html.add(form, "div", "error-summary-region");
        if (error != null) {
            Element summary = Html.add(region, "div", "error-summary").attr("role", "alert").attr("tabindex", "-1")
                    .attr("autofocus", "").attr("aria-labelledby", "error-summary-title");
            Html.text(summary, "h2", messages.get(language, "error.summary-title"))
                    .addClass("error-summary__title").attr("id", "error-summary-title");
            Element list = Html.add(summary, "ul", "error-summary__list");
            Html.link(Html.add(list, "li"), errorTarget, error);
        }
        Html.hidden(form, StaffAuth.CSRF_FIELD, auth.loginToken(ctx));
        return form;
    }

    private static Element field(Element form, String name, String type, String autocomplete, String label,
                                 String value, String hint) {
        Element group = Html.add(form, "div", "form-group").attr("data-field", name);
        Html.text(group, "label", label).addClass("label").attr("for", "login--" + name);
        if (hint != null) {
            Html.text(group, "div", hint).addClass("hint").attr("id", "login--" + name + "-hint");
        }
        Element input = Html.add(group, "input", "input").attr("id", "login--" + name).attr("name", name)
                .attr("type", type).attr("autocomplete", autocomplete);
        if (hint != null) {
            input.attr("aria-describedby", "login--" + name + "-hint");
        }
        if (value != null && !value.isEmpty()) {
            input.attr("value", value);
        }
        return input;
    }
}
