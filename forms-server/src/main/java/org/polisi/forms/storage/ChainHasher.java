package org.polisi.forms.storage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The two hashes that make the ledger tamper-evident.
 *
 * <p>{@code contentHash} covers the answers with a per-record salt, so that the hash left behind
 * after erasure cannot be used to confirm a guessed answer. {@code linkHash} covers the previous
 * record's hash, the record's metadata and its content hash: changing, removing or reordering any
 * record breaks every link after it.
 */
public final class ChainHasher {

    /** The "previous hash" of a school's first record. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHasher() {
    }

    public static String contentHash(String salt, String fieldsJson) {
        return sha256(salt + "\n" + fieldsJson);
    }

    public static String linkHash(String prevHash, SubmissionRow row, String contentHash) {
        String metadata = CanonicalJson.write(List.of(row.school(), row.seq(), row.reference(), row.formId(),
                row.formKind(), row.formVersion(), row.lang(), Times.format(row.receivedAt()), row.urgent()));
        return sha256(prevHash + "\n" + metadata + "\n" + contentHash);
    }

    /** SHA-256 of the text's UTF-8 bytes, lower-case hex (64 characters). */
    public static String sha256(String text) {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // One digest per thread: the ledger's writer hashes several times per submission, and looking
    // the algorithm up each time costs more than hashing a few hundred bytes.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });
}
