package org.polisi.forms.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the server, in one place. Handlers are thin: they turn a request into a call to
 * a service and the result into a page. Staff routes go through {@link #staff} (a logged-in session
 * or a redirect to the login page) and their POSTs through {@link #staffPost} (the session's
 * anti-forgery token, or 403).
 */
public final class Routes {

    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    private final Handlers handlers;

    public Routes(Handlers handlers) {
        this.handlers = handlers;
    }

    public void register(RoutesConfig routes) {
        routes.before(handlers.securityHeaders()::apply);
        routes.before(handlers.guards()::check);

        routes.post("/forms/{school}/{form}", handlers.submissions()::handle);
        routes.get("/forms/{school}/received/{reference}", handlers.confirmation()::handle);
        routes.get("/agreed-texts/{school}/{form}/{version}", handlers.agreedTexts()::show);

        routes.get("/staff/login", handlers.login()::show);
        routes.post("/staff/login", handlers.login()::login);
        routes.post("/staff/logout", handlers.login()::logout);
        routes.get("/staff/", staff(handlers.staffPages().submissions()::dashboard));
        routes.get("/staff/submissions", staff(handlers.staffPages().submissions()::submissions));
        routes.get("/staff/submissions/{reference}", staff(handlers.staffPages().record()::record));
        routes.post("/staff/submissions/{reference}/erase", staffPost(handlers.staffPages().record()::erase));
        routes.post("/staff/submissions/{reference}/match", staffPost(handlers.staffPages().withdrawals()::match));
        routes.post("/staff/submissions/{reference}/reject", staffPost(handlers.staffPages().withdrawals()::reject));
        routes.post("/staff/submissions/{reference}/chronology",
                staffPost(handlers.staffPages().chronology()::append));
        routes.get("/staff/export.csv", staff(handlers.staffPages().submissions()::exportCsv));
        routes.get("/staff/consents", staff(handlers.staffPages().consents()::consents));
        routes.get("/staff/governors", staff(handlers.staffPages().governors()::governors));
        routes.get("/staff/signatures", staff(handlers.staffPages().signatures()::signatures));
        routes.get("/staff/signatures.csv", staff(handlers.staffPages().signatures()::exportCsv));
        routes.get("/staff/people", staff(handlers.staffPages().people()::form));
        routes.post("/staff/people", staffPost(handlers.staffPages().people()::search));
        routes.post("/staff/people.json", staffPost(handlers.staffPages().people()::download));

        routes.get("/", handlers.site()::root);
        routes.get("/<path>", handlers.site()::file);

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
            LOG.error("Failed to answer {} {}", ctx.method(), ctx.path(), exception);
            handlers.errors().serverError(ctx);
        });
    }

    /** A staff page: only with a live session; otherwise the login page. */
    private io.javalin.http.Handler staff(StaffHandler handler) {
        return ctx -> {
            var session = handlers.auth().session(ctx);
            if (session.isEmpty()) {
                Responses.seeOther(ctx, "/staff/login?lang=" + RequestLanguage.of(ctx));
                return;
            }
            handler.handle(ctx, session.get());
        };
    }

    /** A staff action: a live session and its anti-forgery token. */
    private io.javalin.http.Handler staffPost(StaffAction handler) {
        return ctx -> {
            var session = handlers.auth().session(ctx);
            if (session.isEmpty()) {
                handlers.errors().forbidden(ctx);
                return;
            }
            handler.handle(ctx, session.get(), handlers.auth().validPost(ctx, session.get()));
        };
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
