package org.polisi.site.render;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seal on every cache file (docs/adr/0055, 0091): a whole file opens to its body; a file with
 * any byte changed, cut short at any point, or sealed with the earlier digest (SHA-256) opens to nothing.
 */
class SealedTest {
    private static final byte[] BODY = "<p>Polisi ddiogelwch ar-lein: a page as the cache keeps it.</p>".getBytes(StandardCharsets.UTF_8);

    @Test
    void aWholeFileOpensToItsBody() {
        byte[] sealed = Sealed.seal(BODY);
        assertEquals(BODY.length + 32, sealed.length);
        assertTrue(Sealed.isWhole(sealed));
        assertArrayEquals(BODY, Sealed.open(sealed).orElseThrow());
        assertEquals(BODY.length, Sealed.bodyLength(sealed.length));
    }

    @Test
    void everyChangedByteMakesTheFileUnreadable() {
        byte[] sealed = Sealed.seal(BODY);
        for (int i = 0; i < sealed.length; i++) {
            byte[] damaged = sealed.clone();
            damaged[i] ^= 0x01;
            assertFalse(Sealed.isWhole(damaged), "a flipped bit at byte " + i);
            assertTrue(Sealed.open(damaged).isEmpty());
        }
    }

    @Test
    void aFileCutShortAnywhereIsUnreadable() {
        byte[] sealed = Sealed.seal(BODY);
        for (int length = 0; length < sealed.length; length++) {
            assertTrue(Sealed.open(Arrays.copyOf(sealed, length)).isEmpty(), "cut to " + length + " bytes");
        }
    }

    @Test
    void aFileSealedWithTheEarlierDigestIsUnreadable() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(BODY);
        byte[] earlier = Arrays.copyOf(BODY, BODY.length + digest.length);
        System.arraycopy(digest, 0, earlier, BODY.length, digest.length);
        assertTrue(Sealed.open(earlier).isEmpty(), "an entry of an earlier version is rebuilt, never read");
    }
}
