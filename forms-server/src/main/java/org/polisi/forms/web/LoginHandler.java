package org.polisi.forms.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.javalin.http.Context;
import org.polisi.forms.i18n.Language;
import org.polisi.forms.i18n.Messages;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.manifest.Text;
import org.polisi.forms.staff.LoginService;
import org.polisi.forms.staff.PendingSignIns;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.staff.StaffUser;
import org.polisi.forms.i18n.WaitTime;

/**
 * {@code /staff/login} (e-mail address and password), {@code /staff/login/code} (the second
 * factor's code, for a person who has one), {@code /staff/login/school} (which school, for a person
 * with several memberships: docs/adr/0080) and {@code /staff/logout}. Every failure gets the
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

    private final ManifestCatalog schools;

    /** @param schools the schools served: the sign-in page names the school (issue 20), not the software */
    LoginHandler(LoginService logins, PendingSignIns pending, StaffAuth auth, ClientAddress clients, ErrorPages errors,
                 PageLayout layout, Messages messages, ManifestCatalog schools) {
        this.schools = schools;
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
            Responses.seeOther(ctx, next(ctx).orElse(ReturnPath.DASHBOARD));
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
            auth.holdPending(ctx, pending.start(needed.user().personId(), PendingSignIns.Step.SECOND_FACTOR));
            codeForm(ctx, 200, null);
        } else {
            answer(ctx, result, () -> form(ctx, 401, messages.get(language, "login.error.wrong"), email),
                    wait -> form(ctx, 429, throttledMessage(language, wait), email));
        }
    }

    void code(Context ctx) {
        String language = RequestLanguage.of(ctx);
        String id = auth.pending(ctx);
        Long person = underWay(ctx, PendingSignIns.Step.SECOND_FACTOR).orElse(null);
        if (person == null) {
            return;
        }
        LoginService.Result result = logins.secondStep(person, ctx.formParam("code"), clients.of(ctx),
                auth.remembersDevice(ctx, logins.email(person)));
        if (result instanceof LoginService.Result.Success || result instanceof LoginService.Result.SchoolChoice) {
            pending.end(id);
        }
        answer(ctx, result, () -> codeForm(ctx, 401, messages.get(language, "login.code.wrong")),
                wait -> codeForm(ctx, 429, throttledMessage(language, wait)));
    }

    private void answer(Context ctx, LoginService.Result result, Runnable refused,
                        java.util.function.Consumer<WaitTime> throttled) {
        String language = RequestLanguage.of(ctx);
        if (result instanceof LoginService.Result.Success success) {
            auth.startSession(ctx, success.user(), language, success.enrolmentDue());
            // a role that must set up a second factor does that first, and is then shown the page asked for
            Responses.seeOther(ctx, success.enrolmentDue() ? ReturnPath.withNext("/staff/account", next(ctx))
                    : next(ctx).orElse(ReturnPath.DASHBOARD));
        } else if (result instanceof LoginService.Result.SchoolChoice choice) {
            // a new id for the last step: the one that carried the password or code is spent
            auth.holdPending(ctx, pending.start(choice.personId(), PendingSignIns.Step.SCHOOL));
            schoolForm(ctx, 200, null, choice.memberships());
        } else if (result instanceof LoginService.Result.Throttled throttle) {
            ctx.header("Retry-After", String.valueOf(throttle.retryAfter().seconds()));
            throttled.accept(throttle.retryAfter());
        } else {
            refused.run();
        }
    }

    /** {@code GET /staff/login/school}: the choice again (another language), or the sign-in page when none is under way. */
    void showSchool(Context ctx) {
        Optional<Long> person = pending.find(auth.pending(ctx), PendingSignIns.Step.SCHOOL);
        if (person.isEmpty()) {
            Responses.seeOther(ctx, "/staff/login?lang=" + RequestLanguage.of(ctx) + schoolParameter(ctx));
            return;
        }
        schoolForm(ctx, 200, null, logins.liveMemberships(person.get()));
    }

    /**
     * {@code POST /staff/login/school}: the school chosen by a person with several memberships, once
     * password and second factor were right (docs/adr/0080). Only a live membership of that person
     * is accepted; the session made names it, with a new id and token.
     */
    void school(Context ctx) {
        String language = RequestLanguage.of(ctx);
        String id = auth.pending(ctx);
        Optional<Long> person = underWay(ctx, PendingSignIns.Step.SCHOOL);
        if (person.isEmpty()) {
            return;
        }
        Optional<LoginService.Result.Success> chosen = logins.choose(person.get(), ctx.formParam("school"));
        if (chosen.isEmpty()) {
            org.slf4j.LoggerFactory.getLogger(LoginHandler.class).info(
                    "Refused a school choice of staff person {}: not one of their live memberships", person.get());
            schoolForm(ctx, 422, messages.get(language, "school.choose.missing"), logins.liveMemberships(person.get()));
            return;
        }
        pending.end(id);
        answer(ctx, chosen.get(), () -> { }, wait -> { });
    }

    /**
     * The person of the browser's sign-in under way at {@code step}, once the post's anti-forgery
     * token is checked; empty when the request has been answered already (403 for a bad token, the
     * sign-in page with "took too long" for no such sign-in, or one at another step).
     */
    private Optional<Long> underWay(Context ctx, PendingSignIns.Step step) {
        if (!auth.validLoginPost(ctx)) {
            errors.forbidden(ctx);
            return Optional.empty();
        }
        Optional<Long> person = pending.find(auth.pending(ctx), step);
        if (person.isEmpty()) {
            form(ctx, 401, messages.get(RequestLanguage.of(ctx), "login.code.expired"), "");
        }
        return person;
    }

    private void schoolForm(Context ctx, int status, String error, List<StaffUser> memberships) {
        String language = RequestLanguage.of(ctx);
        String title = messages.get(language, "school.choose.title");
        String school = schoolParameter(ctx);
        PageFrame frame = layout.frame(language, error == null ? title
                        : messages.get(language, "error.title-prefix") + " " + title,
                messages.get(language, "server.name"), "/staff/login?lang=" + language + school,
                "/staff/login/school?lang=" + Language.orEnglish(language).other() + school);
        SchoolChoice choice = SchoolChoice.of(messages, language, schools, memberships, -1,
                "/staff/login/school?lang=" + language + school, StaffAuth.CSRF_FIELD, auth.loginToken(ctx), error);
        Responses.html(ctx, status, layout.render("choose-school", frame, choice));
    }

    /** "Wait 45 seconds" or "Wait 2 minutes", with the wait the log line gave (ICU plurals, Welsh among them). */
    private String throttledMessage(String language, WaitTime wait) {
        return messages.format(language, wait.messageKey("login.error.throttled"), wait.messageArguments());
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

    /** The view of {@code server/login.ftl}: one sign-in step. */
    record View(String title, String action, ErrorSummary summary, String csrfField, String csrfToken,
                List<Field> fields, String submit) {
    }

    /** One input: a hint, or null; {@code code} marks the one-time code (no spell check or capitals). */
    record Field(String name, String type, String autocomplete, String label, String value, String hint, boolean code) {
    }

    private void form(Context ctx, int status, String error, String email) {
        String language = RequestLanguage.of(ctx);
        page(ctx, status, "login.title", error, "#login--email", "/staff/login?lang=" + language, List.of(
                new Field("email", "email", "username", messages.get(language, "login.email"), email, null, false),
                new Field("password", "password", "current-password", messages.get(language, "login.password"), "", null,
                        false)), "login.submit");
    }

    private void codeForm(Context ctx, int status, String error) {
        String language = RequestLanguage.of(ctx);
        page(ctx, status, "login.code.title", error, "#login--code", "/staff/login/code?lang=" + language, List.of(
                new Field("code", "text", "one-time-code", messages.get(language, "login.code.label"), "",
                        messages.get(language, "login.code.hint"), true)), "login.code.submit");
    }

    /**
     * Whom the sign-in pages are for: the school named by {@code ?school=} when it is one served,
     * else the only school served, else the server's own name (a server for several schools).
     */
    private String schoolName(Context ctx, String language) {
        Optional<Manifest> named = Optional.ofNullable(ctx.queryParam("school")).flatMap(schools::school);
        if (named.isEmpty()) {
            List<Manifest> all = schools.all();
            named = all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
        }
        return named.map(manifest -> Text.in(manifest.schoolName(), language))
                .orElse(messages.get(language, "server.name"));
    }

    /**
     * {@code &school=ID} when a school served is named, and {@code &next=…} when a staff page to
     * return to is: kept on the sign-in pages' links and forms, through the second factor's page.
     */
    private String schoolParameter(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("school")).filter(id -> schools.school(id).isPresent())
                .map(id -> "&school=" + id).orElse("") + ReturnPath.parameter(next(ctx));
    }

    /** The staff page to return to after signing in ({@link ReturnPath}), when the request names a valid one. */
    private static Optional<String> next(Context ctx) {
        return ReturnPath.of(ctx.queryParam(ReturnPath.PARAMETER));
    }

    /** The frame, heading, error summary and form of a sign-in step. */
    private void page(Context ctx, int status, String titleKey, String error, String errorTarget, String action,
                      List<Field> fields, String submitKey) {
        String language = RequestLanguage.of(ctx);
        String title = messages.get(language, titleKey);
        String school = schoolParameter(ctx);
        PageFrame frame = layout.frame(language, error == null ? title
                        : messages.get(language, "error.title-prefix") + " " + title,
                schoolName(ctx, language), "/staff/login?lang=" + language + school,
                "/staff/login?lang=" + Language.orEnglish(language).other() + school);
        action = action + school;
        ErrorSummary summary = error == null ? null : new ErrorSummary(messages.get(language, "error.summary-title"),
                List.of(new ErrorSummary.Problem(error, errorTarget)));
        Responses.html(ctx, status, layout.render("login", frame, new View(title, action, summary, StaffAuth.CSRF_FIELD,
                auth.loginToken(ctx), fields, messages.get(language, submitKey))));
    }
}
