package org.polisi.forms.staff;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code staff_user} table. */
@RegisterConstructorMapper(StaffUser.class)
public interface StaffUserDao {

    @SqlUpdate("""
            INSERT INTO staff_user (school, name, email, role, password_hash, created_at)
            VALUES (:school, :name, :email, :role, :passwordHash, :createdAt)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("school") String school, @Bind("name") String name, @Bind("email") String email,
                @Bind("role") String role, @Bind("passwordHash") String passwordHash,
                @Bind("createdAt") Instant createdAt);

    // lower() on both sides: SQLite's NOCASE column and PostgreSQL's unique index on lower(email) (ADR 0049)
    @SqlQuery("SELECT * FROM staff_user WHERE lower(email) = lower(:email)")
    Optional<StaffUser> findByEmail(@Bind("email") String email);

    @SqlQuery("SELECT * FROM staff_user WHERE id = :id")
    Optional<StaffUser> findById(@Bind("id") long id);

    /** Whether the account is disabled ({@code user disable}): it cannot sign in and has no session. */
    @SqlQuery("SELECT count(*) FROM staff_user WHERE id = :id AND disabled <> 0")
    int disabledCount(@Bind("id") long id);

    default boolean isDisabled(long id) {
        return disabledCount(id) > 0;
    }
}
