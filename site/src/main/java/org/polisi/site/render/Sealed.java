package org.polisi.site.render;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The seal on a cache file: its bytes followed by their SHA-256 (FIPS 180-4), so that a file cut
 * short, half written or damaged on disk reads as nothing, never as wrong content
 * (docs/adr/0055-build-cache.md, docs/adr/0062-nothing-changed-builds.md).
 */
public final class Sealed {
    private static final int DIGEST_BYTES = 32;

    private Sealed() {
    }

    /** {@code body} followed by its 32-byte SHA-256. */
    public static byte[] seal(byte[] body) {
        byte[] sealed = Arrays.copyOf(body, body.length + DIGEST_BYTES);
        System.arraycopy(sha256(body), 0, sealed, body.length, DIGEST_BYTES);
        return sealed;
    }

    /** The body of {@code sealed}, or empty when it is shorter than a digest or its digest does not match. */
    public static Optional<byte[]> open(byte[] sealed) {
        if (sealed.length < DIGEST_BYTES) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(sealed, sealed.length - DIGEST_BYTES);
        byte[] digest = Arrays.copyOfRange(sealed, sealed.length - DIGEST_BYTES, sealed.length);
        return MessageDigest.isEqual(sha256(body), digest) ? Optional.of(body) : Optional.empty();
    }

    /** The SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
