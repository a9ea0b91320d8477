package org.polisi.forms.staff;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Passwords prepared by the PRECIS OpaqueString profile (RFC 8265, section 4.2), the one place a
 * password is normalised: when it is set and when it is checked ({@link PasswordHasher}), so that
 * "ŵ" typed composed (NFC) or decomposed (NFD) is the same password.
 *
 * <p>The profile's rules: no width or case mapping; any non-ASCII space (Unicode Zs) becomes
 * U+0020; Unicode normalisation form C; then the FreeformClass of RFC 8264 (section 4.3) refuses
 * control characters, default-ignorable code points, unassigned code points and old Hangul jamo,
 * and an empty result.
 */
public final class OpaqueString {

    private OpaqueString() {
    }

    /**
     * @param password as typed; may be {@code null}
     * @return the prepared password, or empty when the profile disallows it
     */
    public static Optional<String> prepare(String password) {
        if (password == null) {
            return Optional.empty();
        }
        StringBuilder mapped = new StringBuilder(password.length());
        password.codePoints().forEach(codePoint -> mapped.appendCodePoint(
                codePoint > 0x7F && UCharacter.getType(codePoint) == UCharacterCategory.SPACE_SEPARATOR ? ' ' : codePoint));
        String prepared = Normalizer.normalize(mapped, Normalizer.Form.NFC);
        if (prepared.isEmpty() || prepared.codePoints().anyMatch(OpaqueString::disallowed)) {
            return Optional.empty();
        }
        return Optional.of(prepared);
    }

    private static boolean disallowed(int codePoint) {
        int type = UCharacter.getType(codePoint);
        int hangul = UCharacter.getIntPropertyValue(codePoint, UProperty.HANGUL_SYLLABLE_TYPE);
        return type == UCharacterCategory.CONTROL || type == UCharacterCategory.UNASSIGNED
                || type == UCharacterCategory.SURROGATE
                || UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || hangul == UCharacter.HangulSyllableType.LEADING_JAMO
                || hangul == UCharacter.HangulSyllableType.VOWEL_JAMO
                || hangul == UCharacter.HangulSyllableType.TRAILING_JAMO;
    }
}
