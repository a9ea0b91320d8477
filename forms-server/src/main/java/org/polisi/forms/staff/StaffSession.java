package org.polisi.forms.staff;

import java.time.Instant;

/**
 * A logged-in member of staff, signed in to one membership ({@link #user}: one school, one role). {@code csrfToken} is this session's synchronizer token: every form
 * on a staff page carries it and every staff POST must return it.
 */
public final class StaffSession {

    private final String id;
    private final StaffUser user;
    private final String csrfToken;
    private final Instant created;
    private volatile Instant lastSeen;
    private volatile String language;
    private volatile boolean enrolmentDue;
    private volatile String pendingSecret;
    private volatile int schools = 1;
    private volatile java.util.function.Consumer<StaffSession> onChange = changed -> { };

    StaffSession(String id, StaffUser user, String csrfToken, Instant created) {
        this.id = id;
        this.user = user;
        this.csrfToken = csrfToken;
        this.created = created;
        this.lastSeen = created;
        this.language = "en";
    }

    public String id() {
        return id;
    }

    public StaffUser user() {
        return user;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Instant created() {
        return created;
    }

    Instant lastSeen() {
        return lastSeen;
    }

    /** How many live memberships the signed-in person has (more than one: they may change school, docs/adr/0080). */
    public int schools() {
        return schools;
    }

    void schools(int count) {
        schools = count;
    }

    /** Where a change is saved (the {@link SessionStore}), once the session is stored. */
    void onChange(java.util.function.Consumer<StaffSession> saver) {
        onChange = saver;
    }

    void touch(Instant now) {
        lastSeen = now;
    }

    public String language() {
        return language;
    }

    public void language(String chosen) {
        language = chosen;
        onChange.accept(this);
    }

    /** True until a role that needs a second factor has set one up: only {@code /staff/account} is open to it. */
    public boolean enrolmentDue() {
        return enrolmentDue;
    }

    public void enrolmentDue(boolean due) {
        enrolmentDue = due;
        onChange.accept(this);
    }

    /** The TOTP secret shown on the account page while it is being set up, or null. */
    public String pendingSecret() {
        return pendingSecret;
    }

    public void pendingSecret(String secret) {
        pendingSecret = secret;
        onChange.accept(this);
    }
}
