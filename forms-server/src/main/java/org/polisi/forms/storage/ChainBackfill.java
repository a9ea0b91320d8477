package org.polisi.forms.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.security.SecureRandom;

/**
 * Links the rows a database held before the record chains existed (migration V21): each table's
 * rows in id order, per school, and one set of staff account events per existing account. This
 * proves nothing about those rows' past; it anchors them from the migration on.
 */
public final class ChainBackfill {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ChainBackfill() {
    }

    /** Links every record chain's existing rows, inside the caller's (the migration's) transaction. */
    public static void linkExisting(Connection connection) throws SQLException {
        for (RecordChain chain : List.of(RecordChains.CONSENT_EVENT, RecordChains.ERASURE, RecordChains.INCIDENT_VIEW)) {
            link(connection, chain);
        }
        accountEvents(connection);
    }

    /**
     * Links one chain's existing rows (those with a school), in id order per school, and writes each
     * school's chain head; inside the caller's (a migration's) transaction. The table must have its
     * link columns and no trigger that refuses the update.
     */
    public static void link(Connection connection, RecordChain chain) throws SQLException {
        String erasable = chain.erasable() == null ? "" : ", " + chain.erasable();
        String set = (chain.erasable() == null ? "" : "salt = ?, content_hash = ?, ") + "seq = ?, prev_hash = ?, hash = ?";
        Map<String, ChainHead> heads = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, school, " + String.join(", ", chain.allColumns())
                + erasable + " FROM " + chain.table() + " WHERE school IS NOT NULL ORDER BY id");
             PreparedStatement update = connection.prepareStatement("UPDATE " + chain.table() + " SET " + set
                     + " WHERE id = ?");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String school = rows.getString(2);
                List<String> values = new ArrayList<>();
                for (int i = 0; i < chain.allColumns().size(); i++) {
                    values.add(rows.getString(3 + i));
                }
                ChainHead head = heads.getOrDefault(school, new ChainHead(school, 0, ChainHasher.GENESIS));
                int at = 1;
                String contentHash = null;
                if (chain.erasable() != null) {
                    byte[] salt = new byte[16];
                    RANDOM.nextBytes(salt);
                    String saltText = HexFormat.of().formatHex(salt);
                    contentHash = ChainHasher.contentHash(saltText, rows.getString(3 + chain.allColumns().size()));
                    update.setString(at++, saltText);
                    update.setString(at++, contentHash);
                }
                long seq = head.lastSeq() + 1;
                String hash = chain.linkHash(head.lastHash(), school, seq, values, contentHash);
                update.setLong(at++, seq);
                update.setString(at++, head.lastHash());
                update.setString(at++, hash);
                update.setLong(at, rows.getLong(1));
                update.executeUpdate();
                heads.put(school, new ChainHead(school, seq, hash));
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO record_chain_head (chain, school, last_seq, last_hash) VALUES (?, ?, ?, ?)")) {
            for (ChainHead head : heads.values()) {
                insert.setString(1, chain.name());
                insert.setString(2, head.school());
                insert.setLong(3, head.lastSeq());
                insert.setString(4, head.lastHash());
                insert.executeUpdate();
            }
        }
    }

    private static void accountEvents(Connection connection) throws SQLException {
        record Account(long id, String school, String name, String email, String role, String passwordHash,
                       String createdAt) {
        }
        List<Account> accounts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, school, name, email, role, password_hash, created_at FROM staff_user ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                accounts.add(new Account(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7)));
            }
        }
        WriteTransaction transaction = WriteTransaction.over(connection);
        try {
            for (Account account : accounts) {
                try (RecordChain.Appender events = RecordChains.STAFF_ACCOUNT.appender(transaction, account.school())) {
                    StaffAccountHistory.created(events, account.id(), account.school(), account.name(),
                            account.email(), account.role(), account.passwordHash(), "migration V21",
                            account.createdAt());
                }
            }
        } finally {
            transaction.close();
        }
    }
}
