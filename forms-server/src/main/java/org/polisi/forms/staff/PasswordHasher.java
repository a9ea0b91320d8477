package org.polisi.forms.staff;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.util.Optional;

/**
 * Argon2id through Password4j (ADR 0011), with the OWASP minimum parameters (19 MiB, 2 passes,
 * 1 lane). The parameters travel inside each stored hash, so raising them later only affects new
 * hashes and old ones still verify. Every password is prepared by {@link OpaqueString} (RFC 8265)
 * when set and when checked.
 */
public final class PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);

    /**
     * @param password as typed; prepared by {@link OpaqueString} before hashing
     * @return the encoded Argon2id hash, parameters and salt included
     * @throws IllegalArgumentException when the password holds characters RFC 8265 disallows (controls, invisible characters)
     */
    public String hash(String password) {
        String prepared = OpaqueString.prepare(password).orElseThrow(() -> new IllegalArgumentException(
                "the password must not contain control or invisible characters"));
        return Password.hash(prepared).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /**
     * @param password as typed; prepared by {@link OpaqueString} as when it was set
     * @return whether it is the password of the hash. A hash made before passwords were prepared
     *     is also tried with the password exactly as typed, so an account set up then still opens.
     */
    public boolean matches(String password, String storedHash) {
        Optional<String> prepared = OpaqueString.prepare(password);
        if (prepared.isEmpty()) {
            return false;
        }
        return check(prepared.get(), storedHash) || (!prepared.get().equals(password) && check(password, storedHash));
    }

    private static boolean check(String password, String storedHash) {
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
