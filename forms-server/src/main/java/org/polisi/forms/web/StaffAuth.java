package org.polisi.forms.web;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.polisi.forms.config.SecretKey;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.staff.SessionStore;
import org.polisi.forms.staff.StaffSession;
import org.polisi.forms.staff.StaffUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session and anti-forgery checks for staff pages. The session cookie is HttpOnly, SameSite=Strict,
 * limited to {@code /staff}, and Secure behind HTTPS. Each session has a synchronizer token that
 * every staff form returns; the login form, which has no session yet, gets a token signed with the
 * server's key and bound to a random pre-login cookie.
 */
final class StaffAuth {

    static final String SESSION_COOKIE = "polisi_staff";
    static final String LOGIN_COOKIE = "polisi_login";
    static final String PENDING_COOKIE = "polisi_pending";
    static final String DEVICE_COOKIE = "polisi_device";
    static final String CSRF_FIELD = "csrf-token";
    /** How long a browser is remembered as one that has signed in to an account (OWASP device cookies). */
    private static final int DEVICE_SECONDS = 180 * 24 * 3600;
    private static final Logger LOG = LoggerFactory.getLogger(StaffAuth.class);

    private final SessionStore sessions;
    private final SecretKey key;
    private final boolean secureCookies;
    private final SecureRandom random = new SecureRandom();

    StaffAuth(SessionStore sessions, SecretKey key, boolean secureCookies) {
        this.sessions = sessions;
        this.key = key;
        this.secureCookies = secureCookies;
    }

    Optional<StaffSession> session(Context ctx) {
        Optional<StaffSession> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        session.ifPresent(found -> {
            String asked = ctx.queryParam("lang");
            if (asked != null && org.polisi.forms.i18n.Language.of(asked).isPresent()) {
                found.language(asked);
            }
        });
        return session;
    }

    StaffSession startSession(Context ctx, StaffUser user, String language, boolean enrolmentDue) {
        return startSession(ctx, user, language, enrolmentDue, null);
    }

    /** As at sign-in, for a change of school: the absolute timeout counted from {@code signedInAt} (ADR 0087). */
    StaffSession startSession(Context ctx, StaffUser user, String language, boolean enrolmentDue,
                              java.time.Instant signedInAt) {
        sessions.end(ctx.cookie(SESSION_COOKIE));
        StaffSession session = sessions.start(user, language, enrolmentDue, signedInAt);
        setCookie(ctx, SESSION_COOKIE, session.id(), "/staff", -1);
        clearCookie(ctx, LOGIN_COOKIE, "/staff/login");
        clearCookie(ctx, PENDING_COOKIE, "/staff/login");
        rememberDevice(ctx, user.email());
        return session;
    }

    /** Holds a pending second-factor sign-in's id in a cookie for the login pages. */
    void holdPending(Context ctx, String id) {
        setCookie(ctx, PENDING_COOKIE, id, "/staff/login", 300);
    }

    String pending(Context ctx) {
        return ctx.cookie(PENDING_COOKIE);
    }

    /** True when the browser holds this server's device cookie for the e-mail address (it signed in to it before). */
    boolean remembersDevice(Context ctx, String email) {
        String cookie = ctx.cookie(DEVICE_COOKIE);
        if (cookie == null || email == null) {
            return false;
        }
        int dot = cookie.indexOf('.');
        return dot > 0 && key.verify(deviceText(email, cookie.substring(0, dot)), cookie.substring(dot + 1));
    }

    private void rememberDevice(Context ctx, String email) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        setCookie(ctx, DEVICE_COOKIE, nonce + "." + key.sign(deviceText(email, nonce)), "/staff/login", DEVICE_SECONDS);
    }

    private static String deviceText(String email, String nonce) {
        return "device\n" + org.polisi.forms.staff.EmailKey.of(email) + "\n" + nonce;     // one address however its case is typed (ADR 0107)
    }

    void endSession(Context ctx) {
        sessions.end(ctx.cookie(SESSION_COOKIE));
        clearCookie(ctx, SESSION_COOKIE, "/staff");
    }

    /** True when the posted synchronizer token is this session's. */
    boolean validPost(Context ctx, StaffSession session) {
        boolean valid = SessionStore.tokenMatches(session, ctx.formParam(CSRF_FIELD));
        if (!valid) {
            LOG.warn("Refused a staff POST to {} without the session's anti-forgery token", ctx.path());
        }
        return valid;
    }

    /** The login form's token, setting the pre-login cookie it is bound to when there is none. */
    String loginToken(Context ctx) {
        String nonce = ctx.cookie(LOGIN_COOKIE);
        if (nonce == null || nonce.length() < 20) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            setCookie(ctx, LOGIN_COOKIE, nonce, "/staff/login", 3600);
        }
        return key.sign("login\n" + nonce);
    }

    boolean validLoginPost(Context ctx) {
        String nonce = ctx.cookie(LOGIN_COOKIE);
        boolean valid = nonce != null && key.verify("login\n" + nonce, ctx.formParam(CSRF_FIELD));
        if (!valid) {
            LOG.warn("Refused a staff login without a valid anti-forgery token");
        }
        return valid;
    }

    private void setCookie(Context ctx, String name, String value, String path, int maxAgeSeconds) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=").append(path).append("; HttpOnly; SameSite=Strict");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (secureCookies) {
            cookie.append("; Secure");
        }
        ctx.res().addHeader("Set-Cookie", cookie.toString());
    }

    private void clearCookie(Context ctx, String name, String path) {
        setCookie(ctx, name, "", path, 0);
    }
}
