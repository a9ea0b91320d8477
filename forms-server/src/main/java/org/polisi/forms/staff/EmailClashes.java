package org.polisi.forms.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * Staff people whose addresses have one key ({@link EmailKey}, ADR 0107): an older version let
 * SQLite hold them as two people ("siân@…" and "SIÂN@…"), which this version, and PostgreSQL, hold
 * as one address. Migration V121 keeps both rows and marks them ({@code staff_person.email_clash});
 * {@code forms verify} and {@code forms migrate} name them in plain words, never with SQL, a
 * password hash or any other column.
 */
public final class EmailClashes {

    private EmailClashes() {
    }

    /**
     * One staff person of a clash.
     *
     * @param personId    {@code staff_person.id}
     * @param email       the address as stored
     * @param liveSchools the schools where they have a membership not removed, in order
     * @param allSchools  every school where they ever had a membership, in order
     * @param marked      whether the row is marked as in a clash ({@code email_clash}, so outside the unique key)
     */
    public record Account(long personId, String email, Set<String> liveSchools, Set<String> allSchools,
                          boolean marked) {
    }

    /**
     * Two or more people with one key.
     *
     * @param key      their addresses' key
     * @param accounts the people, oldest first
     */
    public record Clash(String key, List<Account> accounts) {

        /** Whether two or more of them can still sign in somewhere (a removed one no longer counts). */
        public boolean live() {
            return accounts.stream().filter(account -> !account.liveSchools().isEmpty()).count() > 1;
        }

        /**
         * Whether a database with the unique key would refuse these rows as stored: two or more of
         * them are not marked (rows an older version wrote after V121 ran, or by hand).
         */
        public boolean unmarked() {
            return accounts.stream().filter(account -> !account.marked()).count() > 1;
        }

        /**
         * One sentence for the operator: the addresses, their schools and what to do, e.g. "two
         * accounts at rumney differ only in letter case: siân@example.org and SIÂN@example.org; …".
         */
        public String describe() {
            Set<String> schools = new TreeSet<>();
            accounts.forEach(account -> schools.addAll(account.liveSchools().isEmpty() ? account.allSchools()
                    : account.liveSchools()));
            boolean oneSchool = schools.size() == 1;
            Set<String> spellings = new LinkedHashSet<>();
            accounts.forEach(account -> spellings.add(EmailKey.typed(account.email())));
            String how = spellings.size() == 1 ? "are one address written in two Unicode forms (an accent typed as a"
                    + " separate mark)" : "differ only in letter case";
            List<String> named = accounts.stream().map(account -> account.email() + (oneSchool ? ""
                    : " (" + (account.allSchools().isEmpty() ? "no school" : "at " + String.join(", ",
                    account.liveSchools().isEmpty() ? account.allSchools() : account.liveSchools())) + ")")).toList();
            String school = oneSchool ? schools.iterator().next() : "SCHOOL";
            return count(accounts.size()) + (oneSchool ? " accounts at " + school : " staff accounts")
                    + " " + how + ": " + String.join(" and ", named) + "; they are one address now, so remove one with"
                    + " `forms user remove --school " + school + " --email ADDRESS` or give it another address with"
                    + " `forms user change-email`";
        }
    }

    private static String count(int n) {
        return switch (n) {
            case 2 -> "two";
            case 3 -> "three";
            case 4 -> "four";
            default -> String.valueOf(n);
        };
    }

    /**
     * Every group of two or more staff people whose addresses have one key, each key computed again
     * from the stored address (not read from {@code email_key}, which a row written by an older
     * version lacks).
     *
     * @param connection SQLite or PostgreSQL, at V120 or later
     * @return the clashes, by their oldest person's id; empty when there is none
     * @throws SQLException when the tables cannot be read
     */
    public static List<Clash> find(Connection connection) throws SQLException {
        Map<String, List<long[]>> byKey = new LinkedHashMap<>();
        Map<Long, String> emails = new LinkedHashMap<>();
        Set<Long> marked = new java.util.HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, email, email_clash FROM staff_person ORDER BY id")) {
            while (rows.next()) {
                long id = rows.getLong(1);
                emails.put(id, rows.getString(2));
                if (rows.getInt(3) != 0) {
                    marked.add(id);
                }
                byKey.computeIfAbsent(EmailKey.of(rows.getString(2)), key -> new ArrayList<>()).add(new long[] {id});
            }
        }
        List<Clash> clashes = new ArrayList<>();
        for (Map.Entry<String, List<long[]>> group : byKey.entrySet()) {
            if (group.getValue().size() < 2) {
                continue;
            }
            List<Account> accounts = new ArrayList<>();
            for (long[] id : group.getValue()) {
                Set<String> live = new TreeSet<>();
                Set<String> all = new TreeSet<>();
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT school, removed_at FROM staff_user WHERE person_id = ? ORDER BY id")) {
                    statement.setLong(1, id[0]);
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            all.add(rows.getString(1));
                            if (rows.getString(2) == null) {
                                live.add(rows.getString(1));
                            }
                        }
                    }
                }
                accounts.add(new Account(id[0], emails.get(id[0]), live, all, marked.contains(id[0])));
            }
            clashes.add(new Clash(group.getKey(), List.copyOf(accounts)));
        }
        return clashes;
    }

    /**
     * Marks every person with {@code key} as in a clash when two or more have it, and unmarks the one
     * left when one has it (after {@code change-email} moved another away).
     *
     * @param handle in the transaction that changed an address
     * @param key    an address key; null does nothing
     */
    public static void settle(Handle handle, String key) {
        if (key == null) {
            return;
        }
        handle.createUpdate("UPDATE staff_person SET email_clash = CASE WHEN (SELECT count(*) FROM staff_person s"
                + " WHERE s.email_key = :key) > 1 THEN 1 ELSE 0 END WHERE email_key = :key").bind("key", key).execute();
    }
}
