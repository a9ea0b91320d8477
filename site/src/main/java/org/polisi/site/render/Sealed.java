package org.polisi.site.render;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The seal on a cache file: its bytes followed by their SHA-512/256 (FIPS 180-4, section 6.7), so
 * that a file cut short, half written or damaged on disk reads as nothing, never as wrong content
 * (docs/adr/0055-build-cache.md, docs/adr/0062-nothing-changed-builds.md). SHA-512/256 rather than
 * SHA-256: the same 32-byte strength, and about 1.7 times faster in Java's own code, which is what a
 * build runs when the JIT stops at C1 (the launcher's flags) and the JDK's SHA-NI intrinsic is never
 * used; a file sealed with SHA-256 by an earlier version reads as nothing (docs/adr/0091).
 */
public final class Sealed {
    private static final int DIGEST_BYTES = 32;

    private Sealed() {
    }

    /** {@code body} followed by its 32-byte digest. */
    public static byte[] seal(byte[] body) {
        byte[] sealed = Arrays.copyOf(body, body.length + DIGEST_BYTES);
        MessageDigest digest = digest();
        digest.update(body);
        System.arraycopy(digest.digest(), 0, sealed, body.length, DIGEST_BYTES);
        return sealed;
    }

    /** The body of {@code sealed}, or empty when it is shorter than a digest or its digest does not match. */
    public static Optional<byte[]> open(byte[] sealed) {
        return isWhole(sealed) ? Optional.of(Arrays.copyOf(sealed, sealed.length - DIGEST_BYTES)) : Optional.empty();
    }

    /**
     * Whether {@code sealed} is a body followed by its digest: then its first {@code length - 32}
     * bytes are the body, read in place without a copy. Each byte is hashed once.
     */
    public static boolean isWhole(byte[] sealed) {
        if (sealed.length < DIGEST_BYTES) {
            return false;
        }
        int body = sealed.length - DIGEST_BYTES;
        MessageDigest digest = digest();
        digest.update(sealed, 0, body);
        return MessageDigest.isEqual(digest.digest(), Arrays.copyOfRange(sealed, body, sealed.length));
    }

    /** The length of the body of a {@link #isWhole whole} sealed file of {@code sealedLength} bytes. */
    public static int bodyLength(int sealedLength) {
        return sealedLength - DIGEST_BYTES;
    }

    /** The digest a seal is made with: SHA-512/256 (FIPS 180-4). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-512/256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK 9 or later has SHA-512/256", e);
        }
    }
}
