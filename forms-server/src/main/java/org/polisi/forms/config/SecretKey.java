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

    private final byte[] key;

    private SecretKey(byte[] key) {
        this.key = key;
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

    /** HMAC-SHA256 of the text, URL-safe base64 without padding. */
    public String sign(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
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
