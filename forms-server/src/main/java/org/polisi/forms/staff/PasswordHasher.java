package org.polisi.forms.staff;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id through Password4j (ADR 0011), with the OWASP minimum parameters (19 MiB, 2 passes,
 * 1 lane). The parameters travel inside each stored hash, so raising them later only affects new
 * hashes and old ones still verify.
 */
public final class PasswordHasher {

    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID, 19);

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    public boolean matches(String password, String storedHash) {
        try {
            return Password.check(password, storedHash).with(Argon2Function.getInstanceFromHash(storedHash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}
