package org.polisi.forms.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Walks a {@link RecordChain} school by school from its first row and names the first row that was
 * altered, removed, reordered, inserted without its link, or cut off after the chain head.
 */
public final class RecordChainVerifier {

    private RecordChainVerifier() {
    }

    /** One school's chain: its rows in chain order and what is wrong with it, if anything. */
    public record Walked(String chain, String school, List<ChainRow> rows, Optional<ChainProblem> problem) {

        /** The rows before the first problem: those whose link, content and order verify. */
        public List<ChainRow> verifiedRows() {
            if (problem.isEmpty()) {
                return rows;
            }
            List<ChainRow> verified = new ArrayList<>();
            for (ChainRow row : rows) {
                if (row.seq() == null || row.seq() >= problem.get().seq()) {
                    break;
                }
                verified.add(row);
            }
            return verified;
        }
    }

    /** Every school's chain of this kind, schools in name order. */
    public static List<Walked> walkAll(Handle handle, RecordChain chain) {
        Map<String, List<ChainRow>> bySchool = new LinkedHashMap<>();
        for (ChainRow row : handle.createQuery(select(chain) + " ORDER BY t.school, t.seq NULLS LAST, t.id")
                .map((found, context) -> read(chain, found)).list()) {
            bySchool.computeIfAbsent(row.school() == null ? "(no school)" : row.school(), key -> new ArrayList<>())
                    .add(row);
        }
        for (String school : handle.createQuery("SELECT school FROM record_chain_head WHERE chain = :chain")
                .bind("chain", chain.name()).mapTo(String.class).list()) {
            bySchool.putIfAbsent(school, new ArrayList<>());
        }
        List<Walked> walked = new ArrayList<>();
        bySchool.keySet().stream().sorted().forEach(school ->
                walked.add(walk(handle, chain, school, bySchool.get(school))));
        return walked;
    }

    /** One school's chain of this kind. */
    public static Walked walkSchool(Handle handle, RecordChain chain, String school) {
        List<ChainRow> rows = handle.createQuery(select(chain) + " WHERE t.school = :school ORDER BY t.seq NULLS LAST, t.id")
                .bind("school", school).map((found, context) -> read(chain, found)).list();
        return walk(handle, chain, school, rows);
    }

    private static Walked walk(Handle handle, RecordChain chain, String school, List<ChainRow> rows) {
        Optional<ChainHead> head = handle.createQuery(
                        "SELECT school, last_seq, last_hash FROM record_chain_head WHERE chain = :chain AND school = :school")
                .bind("chain", chain.name()).bind("school", school)
                .map((found, context) -> new ChainHead(found.getString(1), found.getLong(2), found.getString(3)))
                .findOne();
        return new Walked(chain.name(), school, rows, firstProblem(chain, school, rows, head));
    }

    static Optional<ChainProblem> firstProblem(RecordChain chain, String school, List<ChainRow> rows,
                                               Optional<ChainHead> head) {
        String previousHash = ChainHasher.GENESIS;
        long expected = 1;
        for (ChainRow row : rows) {
            if (row.seq() == null || row.prevHash() == null || row.hash() == null || row.school() == null) {
                return problem(chain, school, expected, row, "was added behind Polisi's back: it has no link in the chain");
            }
            if (row.seq() != expected) {
                return problem(chain, school, expected, row, row.seq() > expected
                        ? "is missing: removed from the database (the next row is number " + row.seq() + ")"
                        : "appears twice or out of order (row number " + row.seq() + ")");
            }
            if (!row.prevHash().equals(previousHash)) {
                return problem(chain, school, expected, row,
                        "its link to the record before it is broken: that record was altered, removed or moved");
            }
            if (chain.erasable() != null) {
                if (row.salt() == null) {
                    if (!"".equals(row.erasableValue()) || !row.erasureLogged()) {
                        return problem(chain, school, expected, row, "its " + chain.erasable()
                                + " was removed without an erasure being recorded");
                    }
                } else if (!ChainHasher.contentHash(row.salt(), row.erasableValue()).equals(row.contentHash())) {
                    return problem(chain, school, expected, row, "its " + chain.erasable() + " was altered");
                }
            }
            if (!chain.linkHash(row.prevHash(), row.school(), row.seq(), row.values(), row.contentHash())
                    .equals(row.hash())) {
                return problem(chain, school, expected, row, "its details (" + String.join(", ", chain.allColumns())
                        + ") or hash were altered");
            }
            previousHash = row.hash();
            expected++;
        }
        long last = expected - 1;
        if (head.isPresent() && (head.get().lastSeq() != last || !head.get().lastHash().equals(previousHash))) {
            return Optional.of(new ChainProblem(chain.name(), school, last + 1, null, "is missing: the chain should end at "
                    + "record " + head.get().lastSeq() + " but ends at " + last + " (the newest records were removed)"));
        }
        if (head.isEmpty() && last > 0) {
            return Optional.of(new ChainProblem(chain.name(), school, 1, null,
                    "the chain has " + last + " record(s) but no chain head: its head was removed"));
        }
        return Optional.empty();
    }

    private static Optional<ChainProblem> problem(RecordChain chain, String school, long seq, ChainRow row,
                                                  String description) {
        return Optional.of(new ChainProblem(chain.name(), school, seq, "row " + row.id() + " of " + chain.table(),
                description));
    }

    private static String select(RecordChain chain) {
        StringBuilder sql = new StringBuilder("SELECT t.id, t.school, t.seq, t.prev_hash, t.hash, t.")
                .append(chain.timeColumn()).append(" AS made_at, (CASE WHEN ").append(chain.erasureLogged())
                .append(" THEN 1 ELSE 0 END) AS erasure_logged"); // a number on both: PostgreSQL's EXISTS is boolean
        chain.allColumns().forEach(column -> sql.append(", t.").append(column));
        if (chain.erasable() != null) {
            sql.append(", t.").append(chain.erasable()).append(" AS erasable_value, t.salt, t.content_hash");
        }
        return sql.append(" FROM ").append(chain.table()).append(" t").toString();
    }

    private static ChainRow read(RecordChain chain, ResultSet found) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < chain.allColumns().size(); i++) {
            values.add(found.getString(8 + i));
        }
        long seq = found.getLong("seq");
        Long seqOrNull = found.wasNull() ? null : seq;
        boolean erasable = chain.erasable() != null;
        return new ChainRow(found.getLong("id"), found.getString("school"), seqOrNull, found.getString("prev_hash"),
                found.getString("hash"), values, erasable ? found.getString("erasable_value") : null,
                erasable ? found.getString("salt") : null, erasable ? found.getString("content_hash") : null,
                found.getInt("erasure_logged") != 0, found.getString("made_at"));
    }
}
