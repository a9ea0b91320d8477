package org.polisi.forms.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.polisi.forms.storage.PrivateFiles;

/**
 * The server's signing key: made on first start in the data folder (never in the repository),
 * readable by its owner only, and used to sign short-lived tokens (receipt links, the login form's
 * anti-forgery token) so that they cannot be forged or altered.
 */
public final class SecretKey {

    private static final String HMAC = "HmacSHA256";

    private final byte[] key;
    /**
     * One keyed MAC per thread, made once: {@link Mac#doFinal} leaves it as {@link Mac#init} did, so
     * it is reused for the next text. Looking up the provider and initialising a new one for every
     * signature was half the cost of signing, twice per form post (issue 23's intake profile,
     * docs/benchmarks.md). A {@link Mac} is not thread-safe, hence one per thread.
     */
    private final ThreadLocal<Mac> macs;

    private SecretKey(byte[] key) {
        this.key = key;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public static SecretKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] decoded = Base64.getDecoder().decode(Files.readString(file).strip());
            if (decoded.length < 32) {
                throw new IllegalStateException("secret key in " + file + " is too short; delete it to make a new one");
            }
            return new SecretKey(decoded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            PrivateFiles.writeNew(file, Base64.getEncoder().encodeToString(fresh)); // 0600 in a 0700 folder
        } catch (FileAlreadyExistsException raced) {
            // another process made it first: use theirs
        }
    }

    /** HMAC-SHA256 (RFC 2104) of the text's UTF-8, URL-safe base64 without padding (43 characters). */
    public String sign(String text) {
        byte[] signature = macs.get().doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** Compares in constant time so that a forger learns nothing from timing. */
    public boolean verify(String text, String signature) {
        if (signature == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(text).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
