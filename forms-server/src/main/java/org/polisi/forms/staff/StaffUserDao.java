package org.polisi.forms.staff;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code staff_person} and {@code staff_user} tables (docs/adr/0080): a person signs in by
 * e-mail address; each of their memberships is one school's account, read with the person's
 * password hash joined in.
 */
@RegisterConstructorMapper(StaffUser.class)
public interface StaffUserDao {

    /** A membership with its person's password hash. */
    String MEMBERSHIP = """
            SELECT u.id, u.school, u.person_id, u.name, u.email, u.role, p.password_hash, u.failed_logins,
                   u.locked_until, u.created_at, u.disabled
            FROM staff_user u JOIN staff_person p ON p.id = u.person_id
            """;

    @SqlUpdate("""
            INSERT INTO staff_person (email, email_key, password_hash, created_at)
            VALUES (:email, :emailKey, :passwordHash, :createdAt)
            """)
    @GetGeneratedKeys("id")
    long insertPerson(@Bind("email") String email, @Bind("emailKey") String emailKey,
                      @Bind("passwordHash") String passwordHash, @Bind("createdAt") Instant createdAt);

    /**
     * The person an address names, by its key ({@link EmailKey}, ADR 0107). Two people share a key
     * only when an older version let them (V121 marks them, {@link EmailClashes}); then the one with
     * a live membership, else the one spelt exactly so, else the older, so a sign-in is never
     * ambiguous. ({@code || ''}: compared as written, not under SQLite's NOCASE column collation.)
     */
    String PERSON_ID = """
            SELECT q.id FROM staff_person q WHERE q.email_key = :emailKey
             ORDER BY CASE WHEN EXISTS (SELECT 1 FROM staff_user l WHERE l.person_id = q.id AND l.removed_at IS NULL)
                      THEN 0 ELSE 1 END,
                      CASE WHEN q.email || '' = :email THEN 0 ELSE 1 END, q.id
             LIMIT 1""";

    /** {@link #PERSON_ID} as a subquery. */
    String PERSON = "(" + PERSON_ID + ")";

    @SqlUpdate("""
            INSERT INTO staff_user (school, person_id, name, email, role, created_at)
            VALUES (:school, :personId, :name, :email, :role, :createdAt)
            """)
    @GetGeneratedKeys("id")
    long insertMembership(@Bind("school") String school, @Bind("personId") long personId, @Bind("name") String name,
                          @Bind("email") String email, @Bind("role") String role, @Bind("createdAt") Instant createdAt);

    /** The person with this address (compared by key, {@link EmailKey}), as their id. */
    @SqlQuery(PERSON_ID)
    Optional<Long> findPersonByKey(@Bind("email") String email, @Bind("emailKey") String emailKey);

    default Optional<Long> findPerson(String email) {
        return findPersonByKey(EmailKey.typed(email == null ? null : email.strip()), EmailKey.of(email));
    }

    @SqlQuery(MEMBERSHIP + " WHERE u.person_id = " + PERSON + " ORDER BY u.id")
    List<StaffUser> membershipsByKey(@Bind("email") String email, @Bind("emailKey") String emailKey);

    /**
     * Every membership of the person with this address (compared by key, {@link EmailKey}), disabled
     * ones included, oldest first; empty when none.
     */
    default List<StaffUser> memberships(String email) {
        return membershipsByKey(EmailKey.typed(email == null ? null : email.strip()), EmailKey.of(email));
    }

    /** Every membership of a person, disabled ones included, oldest first. */
    @SqlQuery(MEMBERSHIP + " WHERE u.person_id = :personId ORDER BY u.id")
    List<StaffUser> membershipsOf(@Bind("personId") long personId);

    /**
     * The membership of this address at this school: the one not removed when there is one (a
     * person added back after a removal has both, ADR 0101), else the latest removed one.
     */
    @SqlQuery(MEMBERSHIP + " WHERE u.person_id = " + PERSON + " AND u.school = :school"
            + " ORDER BY CASE WHEN u.removed_at IS NULL THEN 0 ELSE 1 END, u.id DESC LIMIT 1")
    Optional<StaffUser> findMembershipByKey(@Bind("school") String school, @Bind("email") String email,
                                            @Bind("emailKey") String emailKey);

    /** {@link #findMembershipByKey} for an address as typed. */
    default Optional<StaffUser> findMembership(String school, String email) {
        return findMembershipByKey(school, EmailKey.typed(email == null ? null : email.strip()), EmailKey.of(email));
    }

    /**
     * The oldest membership of this address: for a person with one school (tests, and tools that
     * name no school); a sign-in looks at {@link #memberships} instead.
     */
    default Optional<StaffUser> findByEmail(String email) {
        return memberships(email).stream().findFirst();
    }

    @SqlQuery(MEMBERSHIP + " WHERE u.id = :id")
    Optional<StaffUser> findById(@Bind("id") long id);

    /** Whether the membership is disabled ({@code user disable}): it cannot be signed in to and has no session. */
    @SqlQuery("SELECT count(*) FROM staff_user WHERE id = :id AND disabled <> 0")
    int disabledCount(@Bind("id") long id);

    default boolean isDisabled(long id) {
        return disabledCount(id) > 0;
    }
}
