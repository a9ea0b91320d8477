package org.polisi.forms.web;

import io.javalin.http.Context;
import org.jsoup.nodes.Element;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.staff.LoginService;
import org.polisi.forms.staff.StaffSession;

/** {@code /staff/login} and {@code /staff/logout}. */
final class LoginHandler {

    private final LoginService logins;
    private final StaffAuth auth;
    private final ErrorPages errors;
    private final PageLayout layout;
    private final Messages messages;

    LoginHandler(LoginService logins, StaffAuth auth, ErrorPages errors, PageLayout layout, Messages messages) {
        this.logins = logins;
        this.auth = auth;
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
        LoginService.Result result = logins.login(email, password);
        if (result instanceof LoginService.Result.Success success) {
            auth.startSession(ctx, success.user(), language);
            Responses.seeOther(ctx, "/staff/");
        } else if (result instanceof LoginService.Result.Locked) {
            form(ctx, 429, messages.get(language, "login.error.locked"), email);
        } else {
            form(ctx, 401, messages.get(language, "login.error.wrong"), email);
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
        String title = messages.get(language, "login.title");
        PageLayout.Page page = layout.page(language, error == null ? title
                        : messages.get(language, "error.title-prefix") + " " + title,
                messages.get(language, "server.name"), "/staff/login?lang=" + language,
                "/staff/login?lang=" + Messages.other(language));
        Element main = page.main();
        Html.text(main, "h1", title);
        Element form = Html.add(main, "form").attr("method", "post").attr("action", "/staff/login?lang=" + language)
                .attr("novalidate", "").attr("accept-charset", "UTF-8");
        Element region = Html.add(form, "div", "error-summary-region");
        if (error != null) {
            Element summary = Html.add(region, "div", "error-summary").attr("role", "alert").attr("tabindex", "-1")
                    .attr("autofocus", "").attr("aria-labelledby", "error-summary-title");
            Html.text(summary, "h2", messages.get(language, "error.summary-title"))
                    .addClass("error-summary__title").attr("id", "error-summary-title");
            Element list = Html.add(summary, "ul", "error-summary__list");
            Html.link(Html.add(list, "li"), "#login--email", error);
        }
        Html.hidden(form, StaffAuth.CSRF_FIELD, auth.loginToken(ctx));
        field(form, "email", "email", "username", messages.get(language, "login.email"), email);
        field(form, "password", "password", "current-password", messages.get(language, "login.password"), "");
        Html.text(form, "button", messages.get(language, "login.submit")).addClass("button").attr("type", "submit");
        Responses.html(ctx, status, page.html());
    }

    private static void field(Element form, String name, String type, String autocomplete, String label,
                              String value) {
        Element group = Html.add(form, "div", "form-group").attr("data-field", name);
        Html.text(group, "label", label).addClass("label").attr("for", "login--" + name);
        Element input = Html.add(group, "input", "input").attr("id", "login--" + name).attr("name", name)
                .attr("type", type).attr("autocomplete", autocomplete);
        if (value != null && !value.isEmpty()) {
            input.attr("value", value);
        }
    }
}
