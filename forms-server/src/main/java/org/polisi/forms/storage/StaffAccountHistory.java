package org.polisi.forms.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * The staff account chain's events ({@link RecordChains#STAFF_ACCOUNT}): one row per attribute
 * that changes, so that the account as {@code staff_user} holds it can be compared with its
 * history ({@code verify}). A feature that changes an account (a new password, a second factor
 * enrolled: {@link #SECOND_FACTOR}) appends its event with {@link #changed}; to have verify compare a new attribute, add it to
 * {@link #mismatches}. The password is recorded as the SHA-256 of its Argon2id hash, which
 * shows that it changed without adding anything an attacker could use.
 */
public final class StaffAccountHistory {

    public static final String CREATED = "created";
    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String ROLE = "role";
    public static final String PASSWORD = "password";
    /** A second factor enrolled or enrolled again (a new TOTP secret and new recovery codes). */
    public static final String SECOND_FACTOR = "second-factor";
    /** The account disabled ({@code yes}) or enabled again ({@code no}); an account without the event is enabled. */
    public static final String DISABLED = "disabled";
    /**
     * The membership removed for good ({@code yes}: {@code user remove}, ADR 0094); an account without
     * the event is not removed. Removal also records {@link #DISABLED}.
     */
    public static final String REMOVED = "removed";
    public static final String YES = "yes";
    public static final String NO = "no";

    private StaffAccountHistory() {
    }

    /**
     * Appends the events of a new account: {@code created} (its school), then its name, e-mail,
     * role and password. {@code changedAt} is an ISO-8601 instant or an {@link java.time.Instant}.
     */
    public static void created(RecordChain.Appender events, long staffUserId, String school, String name,
                               String email, String role, String passwordHash, String changedBy, Object changedAt) {
        events.append(staffUserId, CREATED, school, changedBy, changedAt);
        for (Map.Entry<String, String> attribute : Map.of(NAME, name, EMAIL, email, ROLE, role,
                PASSWORD, passwordDigest(passwordHash)).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .toList()) {
            events.append(staffUserId, attribute.getKey(), attribute.getValue(), changedBy, changedAt);
        }
    }

    /** Appends one change (for example a new role, or {@link #passwordDigest} of a new password hash). */
    public static void changed(RecordChain.Appender events, long staffUserId, String change, String value,
                               String changedBy, Object changedAt) {
        events.append(staffUserId, change, value, changedBy, changedAt);
    }

    /**
     * Appends one change of a person (a password, a second factor: docs/adr/0080) to the staff
     * account chain of every school the person belongs to, once per membership, within
     * {@code handle}'s transaction: each school's verify then proves what happened to every account
     * that could read its records.
     *
     * @param personId the person ({@code staff_person.id})
     */
    public static void changedForPerson(Handle handle, long personId, String change, String value, String changedBy,
                                        Object changedAt) {
        Map<String, List<Long>> bySchool = new TreeMap<>();
        handle.createQuery("SELECT id, school FROM staff_user WHERE person_id = :person ORDER BY id")
                .bind("person", personId)
                .map((row, context) -> bySchool.computeIfAbsent(row.getString(2), school -> new ArrayList<>())
                        .add(row.getLong(1)))
                .list();
        try (WriteTransaction transaction = WriteTransaction.over(handle)) {
            for (Map.Entry<String, List<Long>> school : bySchool.entrySet()) {
                try (RecordChain.Appender events = RecordChains.STAFF_ACCOUNT.appender(transaction, school.getKey())) {
                    for (long membership : school.getValue()) {
                        events.append(membership, change, value, changedBy, changedAt);
                    }
                }
            }
        }
    }

    /** What the history records of a password hash. */
    public static String passwordDigest(String passwordHash) {
        return ChainHasher.sha256(passwordHash);
    }

    /**
     * What the history records of a second factor: the SHA-256 of its TOTP secret (RFC 6238) and its
     * recovery codes' hashes in sorted order, so that neither can be swapped in unseen; {@code ""}
     * for an account without one.
     */
    public static String secondFactorDigest(String secret, List<String> recoveryCodeHashes) {
        if (secret == null) {
            return "";
        }
        return ChainHasher.sha256(CanonicalJson.write(List.of(secret, recoveryCodeHashes.stream().sorted().toList())));
    }

    /**
     * For each school, the first staff account whose school, name, e-mail, role, password, second factor,
     * disabling or removal differs
     * from what its verified history says (or that has no history: added behind Polisi's back).
     *
     * @param verified each school's verified staff account events, in chain order
     */
    public static Map<String, ChainProblem> mismatches(Handle handle, Map<String, List<ChainRow>> verified) {
        Map<Long, Map<String, String>> history = new HashMap<>();
        verified.values().forEach(rows -> rows.forEach(row -> history
                .computeIfAbsent(Long.parseLong(row.values().get(0)), id -> new HashMap<>())
                .put(row.values().get(1), row.values().get(2))));
        // from V100 on (docs/adr/0080) the password and second factor are the person's; before it, the account's
        boolean persons = hasTable(handle, "staff_person");
        String owner = persons ? "person_id" : "staff_user_id";
        Map<Long, String> secrets = new HashMap<>();
        Map<Long, List<String>> codes = new HashMap<>();
        handle.createQuery("SELECT f." + owner + ", f.secret, r.code_hash FROM staff_second_factor f"
                        + " LEFT JOIN staff_recovery_code r ON r." + owner + " = f." + owner)
                .map((found, context) -> {
                    secrets.put(found.getLong(1), found.getString(2));
                    List<String> hashes = codes.computeIfAbsent(found.getLong(1), id -> new ArrayList<>());
                    Optional.ofNullable(found.getString(3)).ifPresent(hashes::add);
                    return 0;
                }).list();
        Map<String, ChainProblem> first = new TreeMap<>();
        // SELECT *: a database not yet migrated to V97 has no disabled column (every account enabled)
        handle.createQuery(persons ? "SELECT u.*, p.password_hash FROM staff_user u"
                        + " JOIN staff_person p ON p.id = u.person_id ORDER BY u.id" : "SELECT * FROM staff_user ORDER BY id")
                .map((found, context) -> {
                    long id = found.getLong("id");
                    long owns = persons ? found.getLong("person_id") : id;
                    String school = found.getString("school");
                    Map<String, String> said = history.getOrDefault(id, Map.of());
                    Map<String, String> now = Map.of(CREATED, school, NAME, found.getString("name"),
                            EMAIL, found.getString("email"), ROLE, found.getString("role"),
                            PASSWORD, passwordDigest(found.getString("password_hash")),
                            SECOND_FACTOR, secondFactorDigest(secrets.get(owns), codes.getOrDefault(owns, List.of())),
                            DISABLED, hasColumn(found, "disabled") && found.getInt("disabled") != 0 ? YES : NO,
                            REMOVED, hasColumn(found, "removed_at") && found.getString("removed_at") != null ? YES : NO);
                    Optional<String> differs = List.of(CREATED, NAME, EMAIL, ROLE, PASSWORD, SECOND_FACTOR, DISABLED,
                                    REMOVED)
                            .stream().filter(attribute -> !now.get(attribute).equals(said.getOrDefault(attribute,
                                    SECOND_FACTOR.equals(attribute) ? ""
                                            : DISABLED.equals(attribute) || REMOVED.equals(attribute) ? NO : null)))
                            .findFirst();
                    return differs.map(attribute -> new ChainProblem(RecordChains.STAFF_ACCOUNT.name(),
                            school, 0, "staff account " + id, said.isEmpty()
                            ? "the account has no history: it was added behind Polisi's back"
                            : "its " + (CREATED.equals(attribute) ? "school" : attribute)
                            + " differs from its recorded history: changed behind Polisi's back"));
                })
                .list().stream().flatMap(Optional::stream)
                .forEach(problem -> first.putIfAbsent(problem.school(), problem));
        return first;
    }

    /** Whether the database has the table (one made by a later migration may be missing). */
    private static boolean hasTable(Handle handle, String name) {
        try {
            java.sql.DatabaseMetaData meta = handle.getConnection().getMetaData();
            for (String spelt : List.of(name, name.toUpperCase(java.util.Locale.ROOT))) {
                try (java.sql.ResultSet tables = meta.getTables(null, null, spelt, null)) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the database's tables", e);
        }
    }

    /** Whether the row has the column (one added by a later migration may be missing). */
    private static boolean hasColumn(java.sql.ResultSet row, String name) throws java.sql.SQLException {
        java.sql.ResultSetMetaData columns = row.getMetaData();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            if (name.equalsIgnoreCase(columns.getColumnLabel(i))) {
                return true;
            }
        }
        return false;
    }
}
