package org.polisi.forms.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.polisi.forms.logging.LogText;
import org.polisi.forms.logging.RequestLines;
import org.polisi.forms.staff.StaffArea;
import org.polisi.forms.staff.StaffRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the server, in one place. Handlers are thin: they turn a request into a call to
 * a service and the result into a page. Staff routes go through {@link #staff} (a logged-in session
 * or a redirect to the login page) and their POSTs through {@link #staffPost} (the session's
 * anti-forgery token, or 403). Every GET route also answers HEAD with the same status and headers
 * (RFC 9110 §9.3.2): Javalin alone answers 200 to a HEAD for any path a GET route matches. Every
 * path that exists answers OPTIONS with 204 and {@code Allow}, and any other method it does not take
 * with 405 and {@code Allow}, whatever its token ({@link UnroutedMethods}); a path that does not
 * exist is 404 whatever the method.
 */
public final class Routes {

    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private final Handlers handlers;
    /** Each route's path and the methods it answers, in the order registered. */
    private final Map<String, Set<String>> allowed = new LinkedHashMap<>();
    /** The staff area gating each path's methods (path to method to area), filled as routes are registered. */
    private final Map<String, Map<String, StaffArea>> areas = new LinkedHashMap<>();

    public Routes(Handlers handlers) {
        this.handlers = handlers;
    }

    public void register(RoutesConfig routes) {
        routes.before(ctx -> RequestLines.begin());
        routes.before(handlers.securityHeaders()::apply);
        routes.before(handlers.guards()::check);

        post(routes, "/forms/{school}/{form}", handlers.submissions()::handle);
        get(routes, "/forms/{school}/received/{reference}", handlers.confirmation()::handle);
        post(routes, "/forms/{school}/received/{reference}", handlers.confirmation()::email);
        get(routes, "/forms/{school}/{form}/answers/{token}", handlers.drafts()::answers);
        get(routes, "/forms/{school}/{form}/check/{token}", handlers.drafts()::check);
        get(routes, "/forms/{school}/{form}/statements/{token}", handlers.drafts()::statements);
        post(routes, "/forms/{school}/{form}/check/{token}", handlers.drafts()::send);
        get(routes, "/agreed-texts/{school}/{form}/{version}", handlers.agreedTexts()::show);

        get(routes, "/staff/login", handlers.login()::show);
        post(routes, "/staff/login", handlers.login()::login);
        post(routes, "/staff/login/code", handlers.login()::code);
        get(routes, "/staff/login/school", handlers.login()::showSchool);
        post(routes, "/staff/login/school", handlers.login()::school);
        // choosing another school of one's own: the person's, as their account page is
        get(routes, "/staff/school", staff(StaffArea.ACCOUNT, handlers.schoolSwitch()::show));
        post(routes, "/staff/school", new Gated(StaffArea.ACCOUNT, staffPost(handlers.schoolSwitch()::change)));
        post(routes, "/staff/logout", handlers.login()::logout);
        get(routes, "/staff/", staff(StaffArea.DASHBOARD, handlers.staffPages().dashboard()::show));
        get(routes, "/staff/submissions", staff(StaffArea.SUBMISSIONS, handlers.staffPages().submissions()::submissions));
        get(routes, "/staff/submissions/{reference}", staff(handlers.staffPages().record()::record));
        get(routes, "/staff/submissions/{reference}/erase", staff(handlers.staffPages().erasure()::confirm));
        post(routes, "/staff/submissions/{reference}/erase", staffPost(handlers.staffPages().erasure()::erase));
        post(routes, "/staff/submissions/{reference}/match", staffPost(handlers.staffPages().withdrawals()::match));
        post(routes, "/staff/submissions/{reference}/reject", staffPost(handlers.staffPages().withdrawals()::reject));
        post(routes, "/staff/submissions/{reference}/chronology",
                staffPost(handlers.staffPages().chronology()::append));
        get(routes, "/staff/export.csv", staff(StaffArea.SUBMISSIONS, handlers.staffPages().submissions()::exportCsv));
        get(routes, "/staff/consents", staff(StaffArea.CONSENTS, handlers.staffPages().consents()::consents));
        get(routes, "/staff/consents.csv", staff(StaffArea.CONSENTS, handlers.staffPages().consents()::exportCsv));
        get(routes, "/staff/roster", staff(StaffArea.ROSTER, handlers.staffPages().roster()::show));
        post(routes, "/staff/roster", staffPost(StaffArea.ROSTER, handlers.staffPages().roster()::upload));
        get(routes, "/staff/governors", staff(StaffArea.GOVERNORS, handlers.staffPages().governors()::governors));
        get(routes, "/staff/signatures", staff(StaffArea.SIGNATURES, handlers.staffPages().signatures()::signatures));
        get(routes, "/staff/signatures.csv", staff(StaffArea.SIGNATURES, handlers.staffPages().signatures()::exportCsv));
        get(routes, "/staff/people", staff(StaffArea.PEOPLE, handlers.staffPages().people()::form));
        post(routes, "/staff/people", staffPost(StaffArea.PEOPLE, handlers.staffPages().people()::search));
        post(routes, "/staff/people.json", staffPost(StaffArea.PEOPLE, handlers.staffPages().people()::download));
        get(routes, "/staff/account", new Gated(StaffArea.ACCOUNT, staffAccount(handlers.staffPages().account()::show)));
        post(routes, "/staff/account/second-factor",
                new Gated(StaffArea.ACCOUNT, staffPost(handlers.staffPages().account()::enrol, true)));

        get(routes, "/", handlers.site()::root);
        notAllowed(routes);
        get(routes, "/<path>", handlers.site()::file);
        // any other path is the site's: its files answer GET and HEAD (and OPTIONS), and nothing else
        for (HandlerType method : OTHER_METHODS) {
            // a POST to a path no route has stays a 404 (after RequestGuards)
            if (method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.POST) {
                routes.addHttpHandler(method, "/<path>", ctx -> {
                    if (!handlers.site().exists(ctx.path())) {
                        handlers.errors().notFound(ctx);
                    } else if (method == HandlerType.OPTIONS) {
                        options(ctx, List.of("GET", "HEAD"));
                    } else {
                        methodNotAllowed(ctx, List.of("GET", "HEAD"));
                    }
                });
            }
        }

        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                handlers.errors().notFound(ctx);
            }
        });
        routes.exception(io.javalin.http.HttpResponseException.class, (exception, ctx) -> {
            if (exception.getStatus() == 413) {
                LOG.warn("Refused a request to {}: body over the size limit", ctx.path());
                handlers.errors().tooLarge(ctx);
            } else {
                handlers.errors().show(ctx, exception.getStatus() == 404 ? 404 : 400,
                        exception.getStatus() == 404 ? "not-found" : "bad-request");
            }
        });
        routes.exception(Exception.class, (exception, ctx) -> {
            var refusal = RequestFaults.of(exception);
            if (refusal.isPresent()) {
                LOG.warn("Refused {} {} with {}: {}", ctx.req().getMethod(), ctx.path(), refusal.get().status(),
                        refusal.get().reason());
                handlers.errors().refused(ctx, refusal.get().status());
                return;
            }
            LOG.error("Failed to answer {} {}", ctx.req().getMethod(), ctx.path(), exception);
            handlers.errors().serverError(ctx);
        });
    }

    /** A GET route, and the same handler for HEAD (Jetty sends the headers and leaves the body out). */
    private void get(RoutesConfig routes, String path, io.javalin.http.Handler handler) {
        gate(path, handler, "GET", "HEAD");
        routes.get(path, handler);
        routes.head(path, handler);
        allowed.computeIfAbsent(path, key -> new LinkedHashSet<>()).addAll(List.of("GET", "HEAD"));
    }

    private void post(RoutesConfig routes, String path, io.javalin.http.Handler handler) {
        gate(path, handler, "POST");
        routes.post(path, handler);
        allowed.computeIfAbsent(path, key -> new LinkedHashSet<>()).add("POST");
    }

    /** A handler that refuses with 403 whoever may not open its staff area, before anything else it does. */
    private record Gated(StaffArea area, io.javalin.http.Handler inner) implements io.javalin.http.Handler {
        @Override
        public void handle(Context ctx) throws Exception {
            inner.handle(ctx);
        }
    }

    /** Files the handler's area (if it is {@link Gated}) under the path and methods, for {@link #areas()}. */
    private void gate(String path, io.javalin.http.Handler handler, String... methods) {
        if (handler instanceof Gated gated) {
            for (String method : methods) {
                areas.computeIfAbsent(path, key -> new LinkedHashMap<>()).put(method, gated.area());
            }
        }
    }

    /**
     * The route table as registered: each path and the methods it answers (GET routes also answer
     * HEAD). Empty until {@link #register} ran. For tests that walk every route (fault 5).
     */
    public Map<String, Set<String>> table() {
        return java.util.Collections.unmodifiableMap(allowed);
    }

    /**
     * The staff area gating each path's methods (path to method word to area): a method absent here
     * is not gated by an area (the sign-in pages, or a record decided record by record).
     */
    public Map<String, Map<String, StaffArea>> areas() {
        return java.util.Collections.unmodifiableMap(areas);
    }

    /** The methods a path can be asked with that are not GET, HEAD or POST: refused with 405 where a route exists. */
    private static final List<HandlerType> OTHER_METHODS = List.of(HandlerType.GET, HandlerType.HEAD, HandlerType.POST,
            HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.OPTIONS, HandlerType.TRACE);

    /**
     * Every method a route's path does not answer gets 405 with {@code Allow} listing those it does
     * (RFC 9110 §15.5.6), not the 404 that says the path does not exist. Registered before the
     * site's catch-all, so a GET to a path that only takes POST is refused here too.
     */
    private void notAllowed(RoutesConfig routes) {
        allowed.forEach((path, methods) -> {
            for (HandlerType method : OTHER_METHODS) {
                if (method == HandlerType.OPTIONS) {
                    routes.addHttpHandler(method, path, ctx -> options(ctx, List.copyOf(methods)));
                } else if (!methods.contains(method.name())) {
                    routes.addHttpHandler(method, path, ctx -> methodNotAllowed(ctx, List.copyOf(methods)));
                }
            }
        });
    }

    /**
     * {@code OPTIONS} (RFC 9110 §9.3.7): 204 with {@code Allow} naming the path's methods and OPTIONS,
     * and one log line. No CORS header is sent, so a browser's cross-origin preflight still fails.
     */
    private void options(Context ctx, List<String> methods) {
        List<String> all = new java.util.ArrayList<>(methods);
        all.add("OPTIONS");
        LOG.info("Answered OPTIONS {}: it allows {}", LogText.escape(ctx.path()), all);
        ctx.header("Allow", String.join(", ", all));
        ctx.status(204).result("");
    }

    private void methodNotAllowed(Context ctx, List<String> methods) {
        LOG.info("Refused {} {} with 405: it answers {}", LogText.escape(UnroutedMethods.asSent(ctx)), LogText.escape(ctx.path()),
                methods);
        ctx.header("Allow", String.join(", ", methods));
        handlers.errors().show(ctx, 405, "method-not-allowed");
    }

    /**
     * A staff page: only with a live session (otherwise the login page), and only once a role that
     * must have a second factor has one (otherwise the account page, to set it up).
     */
    /**
     * A page or export of a staff area: 403 unless {@link org.polisi.forms.staff.StaffRecords#mayOpen}
     * allows the user the area, the one decision that also governs the navigation's links and the
     * dashboard, so a page and its CSV never disagree (a tester's fault: signatures 200, its CSV 403).
     */
    private io.javalin.http.Handler staff(StaffArea area, StaffHandler handler) {
        return new Gated(area, staff((ctx, session) -> {
            if (!handlers.staffPages().records().mayOpen(session.user(), area)) {
                handlers.errors().forbidden(ctx);
                return;
            }
            handler.handle(ctx, session);
        }));
    }

    private io.javalin.http.Handler staff(StaffHandler handler) {
        return ctx -> {
            var session = handlers.auth().session(ctx);
            if (session.isEmpty()) {
                toSignIn(ctx);
                return;
            }
            if (session.get().enrolmentDue()) {
                Responses.seeOther(ctx, ReturnPath.withNext("/staff/account", pageAskedFor(ctx)));
                return;
            }
            handler.handle(ctx, session.get());
        };
    }

    /** The sign-in page, which comes back to the staff page asked for (a GET's) once signed in. */
    private static void toSignIn(Context ctx) {
        Responses.seeOther(ctx, "/staff/login?lang=" + RequestLanguage.of(ctx) + ReturnPath.parameter(pageAskedFor(ctx)));
    }

    /** The staff page a GET or HEAD asked for, to come back to after signing in or setting up a second factor. */
    private static java.util.Optional<String> pageAskedFor(Context ctx) {
        boolean reading = HandlerType.GET.name().equals(ctx.req().getMethod())
                || HandlerType.HEAD.name().equals(ctx.req().getMethod());
        return reading ? ReturnPath.ofRequest(ctx.path(), ctx.queryString()) : java.util.Optional.empty();
    }

    /** The account page: a live session, whether or not its second factor is set up yet. */
    private io.javalin.http.Handler staffAccount(StaffHandler handler) {
        return ctx -> {
            var session = handlers.auth().session(ctx);
            if (session.isEmpty()) {
                toSignIn(ctx);
                return;
            }
            handler.handle(ctx, session.get());
        };
    }

    private io.javalin.http.Handler staffPost(StaffAction handler) {
        return staffPost(handler, false);
    }

    /**
     * A staff action on an area's page: refused with 403 exactly as the area's GET is
     * ({@link StaffRecords#mayOpen}), before the handler runs, so a POST never answers what the GET
     * refuses (tester 3's fault 5: the office's GET of /staff/people 403, its POST 200).
     */
    private io.javalin.http.Handler staffPost(StaffArea area, StaffAction handler) {
        return new Gated(area, staffPost((ctx, session, tokenValid) -> {
            if (!handlers.staffPages().records().mayOpen(session.user(), area)) {
                handlers.errors().forbidden(ctx);
                return;
            }
            handler.handle(ctx, session, tokenValid);
        }, false));
    }

    /** A staff action: a live session and its anti-forgery token (and a second factor, unless it sets one up). */
    private io.javalin.http.Handler staffPost(StaffAction handler, boolean settingUpSecondFactor) {
        return ctx -> {
            var session = handlers.auth().session(ctx);
            if (session.isEmpty()) {   // signed out meanwhile: say so, and give back what was typed
                LOG.info("Refused a staff post to {}: no live session (signed out, or idle too long)", ctx.path());
                handlers.errors().signedOut(ctx, typedTexts(ctx), returnTo(ctx.path()));
                return;
            }
            if (session.get().enrolmentDue() && !settingUpSecondFactor) {
                handlers.errors().forbidden(ctx);
                return;
            }
            handler.handle(ctx, session.get(), handlers.auth().validPost(ctx, session.get()));
        };
    }

    /** Form fields that carry no typed text: tokens, choices, references. */
    private static final Set<String> NOT_TYPED = Set.of(StaffAuth.CSRF_FIELD, "kind", "consent", "code", "lang",
            "school");

    /** What a staff post carried that someone typed (an action, a reason, a name), in order; blank ones left out. */
    private static List<String> typedTexts(Context ctx) {
        try {
            return ctx.formParamMap().entrySet().stream().filter(field -> !NOT_TYPED.contains(field.getKey()))
                    .flatMap(field -> field.getValue().stream()).filter(value -> !value.isBlank()).toList();
        } catch (RuntimeException unreadable) {   // a body that is not a form: nothing to give back
            return List.of();
        }
    }

    /** The staff page a post came from: {@code /staff/submissions/REF} for {@code /staff/submissions/REF/reject}. */
    private static String returnTo(String postPath) {
        java.util.regex.Matcher record = java.util.regex.Pattern.compile("(/staff/submissions/[^/]+)/[^/]+").matcher(postPath);
        return record.matches() ? record.group(1) : postPath;
    }

    @FunctionalInterface
    interface StaffHandler {
        void handle(Context ctx, org.polisi.forms.staff.StaffSession session) throws Exception;
    }

    @FunctionalInterface
    interface StaffAction {
        void handle(Context ctx, org.polisi.forms.staff.StaffSession session, boolean tokenValid) throws Exception;
    }
}
