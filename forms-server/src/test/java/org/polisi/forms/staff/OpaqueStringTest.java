package org.polisi.forms.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpaqueStringTest {

    @ParameterizedTest
    @ValueSource(strings = {"ŵyn ŷ â ñ passphrase", "Łódź żółć gęślą jaźń", "İstanbul ığdır şehir", "Nguyễn Đức mật khẩu"})
    void composedAndDecomposedPasswordsPrepareToTheSameText(String password) {
        String nfd = Normalizer.normalize(password, Normalizer.Form.NFD);
        String nfc = Normalizer.normalize(password, Normalizer.Form.NFC);
        assertEquals(OpaqueString.prepare(nfc), OpaqueString.prepare(nfd));
        assertEquals(Optional.of(nfc), OpaqueString.prepare(nfd));
    }

    @Test
    void nonAsciiSpacesBecomeSpacesAndNothingElseIsMapped() {
        assertEquals(Optional.of("a b c"), OpaqueString.prepare("a\u00A0b\u3000c"));
        assertEquals(Optional.of("CaSe ＦＵＬＬ"), OpaqueString.prepare("CaSe ＦＵＬＬ"), "no case or width mapping");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tab\there", "zero\u200Bwidth", "bell\u0007", "\u1100x"})
    void controlsAndInvisibleCharactersAreRefused(String password) {
        assertTrue(OpaqueString.prepare(password).isEmpty(), password);
    }

    @Test
    void theHasherMatchesEitherFormOfAPassword() {
        PasswordHasher hasher = new PasswordHasher();
        String nfc = "Ŵyn Llŷr â ñ 2026";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertTrue(hasher.matches(nfd, hasher.hash(nfc)));
        assertTrue(hasher.matches(nfc, hasher.hash(nfd)));
        assertFalse(hasher.matches("Wyn Llyr a n 2026", hasher.hash(nfc)));
    }
}
