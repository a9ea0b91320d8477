package org.polisi.forms.storage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inserts and chain-head writes of the writer's batched pass that wait in memory to be sent
 * together (docs/adr/0065-batched-writes.md), and the submissions among them, which the look-ups of
 * later writes of the batch must see. Only the last write of each chain head is kept: the head
 * statements are upserts, so the last one alone leaves the row as every one in turn would.
 */
final class WaitingWrites {

    /** A statement and its parameters, waiting to be sent. */
    record Waiting(String sql, Object[] parameters) {
    }

    /** How far the waiting writes had got at a write's start, so that what it added can be dropped. */
    record Mark(int inserts, Map<String, Waiting> heads, int submissions) {
    }

    private final List<Waiting> inserts = new ArrayList<>();
    /** The newest head write of each chain and school, in the order last moved. */
    private final Map<String, Waiting> heads = new LinkedHashMap<>();
    private final List<SubmissionRow> submissions = new ArrayList<>();

    void insert(String sql, Object[] parameters) {
        inserts.add(new Waiting(sql, parameters.clone()));
    }

    /** @param key the chain and school, so that a later write of the same head replaces this one */
    void head(String key, String sql, Object[] parameters) {
        heads.remove(key);   // re-inserted last: heads are written in the order last moved
        heads.put(key, new Waiting(sql, parameters.clone()));
    }

    void submission(SubmissionRow row) {
        submissions.add(row);
    }

    /** The submissions waiting, oldest first. */
    List<SubmissionRow> submissions() {
        return submissions;
    }

    boolean isEmpty() {
        return inserts.isEmpty() && heads.isEmpty();
    }

    /**
     * Takes every waiting write, grouped by statement: inserts first, then head writes, each
     * statement in the order it was first used (a row's insert before the inserts that name it),
     * each statement's rows in the order they were made. Nothing waits afterwards.
     */
    Map<String, List<Object[]>> takeAll() {
        Map<String, List<Object[]>> bySql = new LinkedHashMap<>();
        for (Waiting write : inserts) {
            bySql.computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.parameters());
        }
        for (Waiting write : heads.values()) {
            bySql.computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.parameters());
        }
        clear();
        return bySql;
    }

    Mark mark() {
        return new Mark(inserts.size(), new LinkedHashMap<>(heads), submissions.size());
    }

    /** Drops what was added since the mark. */
    void rollBackTo(Mark mark) {
        inserts.subList(mark.inserts(), inserts.size()).clear();
        heads.clear();
        heads.putAll(mark.heads());
        submissions.subList(mark.submissions(), submissions.size()).clear();
    }

    void clear() {
        inserts.clear();
        heads.clear();
        submissions.clear();
    }
}
