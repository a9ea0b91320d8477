package org.polisi.forms.storage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The chains the open transaction has locked and the heads it knows, each named
 * {@code chain/school} (docs/adr/0058-postgresql-group-commit.md): a chain is locked once per
 * transaction, and its head read at most once, because the lock is held to the end of the
 * transaction, so no other writer can move the head in between. A head is known when this
 * transaction moved it or read it under the chain's lock ({@link BatchOpening}).
 */
final class ChainLocks {

    private final Set<String> locked = new HashSet<>();
    private final Map<String, ChainHead> heads = new HashMap<>();

    static String key(String chain, String school) {
        return chain + "/" + school;
    }

    /** Records the lock as held; false when it was already. */
    boolean lock(String key) {
        return locked.add(key);
    }

    boolean isLocked(String key) {
        return locked.contains(key);
    }

    Optional<ChainHead> head(String key) {
        return Optional.ofNullable(heads.get(key));
    }

    void head(String key, ChainHead head) {
        heads.put(key, head);
    }

    /** A copy of the heads known, for a write's mark. */
    Map<String, ChainHead> heads() {
        return new HashMap<>(heads);
    }

    /** The heads back as they were at a write's mark. */
    void heads(Map<String, ChainHead> known) {
        heads.clear();
        heads.putAll(known);
    }

    /** A savepoint was rolled back or the transaction ended: locks and heads are taken and read afresh. */
    void forget() {
        locked.clear();
        heads.clear();
    }
}
