package org.polisi.forms.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.polisi.forms.storage.PrivateFiles;

/**
 * The key that seals secrets the server must read back but the database must not show: the staff's
 * second-factor (TOTP) secrets (issue 23). AES-256 in GCM mode from the JDK (NIST SP 800-38D), a
 * random 96-bit nonce for every value and a 128-bit tag; the associated data names the column and
 * the account, so a sealed value copied to another account's row, or to another column, does not
 * open. The key lives in a file outside the database ({@code second-factor.key-file}, default
 * {@code data/keys/second-factor-aes.key}, base64, mode 0600 in a 0700 folder), like the checkpoint
 * key: a copy of the database alone (a backup, a dump) holds no usable secret.
 *
 * <p>A sealed value is text: {@value #PREFIX} then base64 of nonce and ciphertext with its tag.
 */
public final class SealingKey {

    /** What every sealed value starts with (a plain Base32 TOTP secret never has a colon). */
    public static final String PREFIX = "aes-gcm:";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** The key file is missing while sealed values need it, or it does not open them: the server must not start. */
    public static final class Unusable extends RuntimeException {
        public Unusable(String message) {
            super(message);
        }
    }

    private final SecretKeySpec key;
    private final Path file;
    private final SecureRandom random = new SecureRandom();

    private SealingKey(byte[] key, Path file) {
        this.key = new SecretKeySpec(key, "AES");
        this.file = file;
    }

    /**
     * Reads the key from the file, or makes a new one (0600, in a 0700 folder) when there is none and
     * {@code mayCreate} (nothing sealed with an earlier key exists).
     *
     * @throws Unusable when the file is missing and may not be made, or is not a 256-bit key in base64
     */
    public static SealingKey load(Path file, boolean mayCreate) {
        try {
            if (!Files.exists(file)) {
                if (!mayCreate) {
                    throw new Unusable("The second-factor key " + file + " is missing, and the database holds "
                            + "second-factor secrets sealed with it: restore the file from the server's backup "
                            + "(docs/security.md, \"Keeps the keys\"), then start again.");
                }
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                try {
                    PrivateFiles.writeNew(file, Base64.getEncoder().encodeToString(fresh));
                } catch (FileAlreadyExistsException raced) {
                    // another instance made it first: use theirs
                }
            }
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException notBase64) {
                decoded = new byte[0];
            }
            if (decoded.length != KEY_BYTES) {
                throw new Unusable("The second-factor key " + file + " is not a 256-bit key in base64: restore it "
                        + "from the server's backup, then start again.");
            }
            return new SealingKey(decoded, file);
        } catch (IOException e) {
            throw new Unusable("The second-factor key " + file + " cannot be read (" + e.getMessage() + ").");
        }
    }

    /** Whether a stored value is sealed (else it is a plain value written before sealing). */
    public static boolean sealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /**
     * Seals a secret for one column of one account.
     *
     * @param column  the table and column it is kept in, e.g. {@code staff_second_factor.secret}
     * @param account the staff account's id
     * @param secret  the plain secret
     * @return {@value #PREFIX} and base64 of a fresh nonce and the ciphertext with its tag
     */
    public String seal(String column, long account, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(column, account));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * Opens a value sealed by {@link #seal} for the same column and account.
     *
     * @throws Unusable when it does not open: another key, another account or column, or altered
     */
    public String open(String column, long account, String stored) {
        if (!sealed(stored)) {
            throw new Unusable("A value in " + column + " of staff account " + account + " is not sealed.");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new AEADBadTagException("too short");
            }
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(column, account));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException wrong) {
            throw new Unusable("The second-factor key " + file + " does not open the sealed value in " + column
                    + " of staff account " + account + ": it is another key, or the value was altered or copied "
                    + "from another account. Restore the key from the server's backup, then start again.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] associatedData(String column, long account) {
        return ("polisi " + column + " " + account).getBytes(StandardCharsets.UTF_8);
    }

    /** The key's file (named in messages). */
    public Path file() {
        return file;
    }
}
