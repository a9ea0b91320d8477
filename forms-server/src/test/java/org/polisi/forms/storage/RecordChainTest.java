package org.polisi.forms.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The record chains' hashes are the construction ADR 24 documents, so anyone can recompute them. */
class RecordChainTest {

    private static final RecordChain CHAIN = new RecordChain("consent-event", "consent_event", List.of("a", "b"),
            List.of("c", "d"), "e", "d", "1");

    @Test
    void theLinkIsTheDocumentedCanonicalJsonWhateverTheText() {
        String school = "ysgol \"ŵ\" \\ \n\u0001";
        String digest = CHAIN.rowDigest(List.of("form", "2026-01-01T00:00:00.000Z"), "c0ffee");
        assertEquals(ChainHasher.sha256(CanonicalJson.write(List.of("form", "2026-01-01T00:00:00.000Z")) + "\nc0ffee"),
                digest);
        List<Object> metadata = new ArrayList<>(List.of("consent-event", school, 7L));
        metadata.add("12");
        metadata.add(null);
        assertEquals(ChainHasher.sha256("prev\n" + CanonicalJson.write(metadata) + "\n" + digest),
                CHAIN.linkHash("prev", school, 7, Arrays.asList("12", null, "form", "2026-01-01T00:00:00.000Z"),
                        "c0ffee"));
    }

    @Test
    void everyPartOfTheRowChangesItsLink() {
        List<String> values = List.of("12", "12", "form", "2026-01-01T00:00:00.000Z");
        String link = CHAIN.linkHash("prev", "testschool", 7, values, "c0ffee");
        assertNotEquals(link, CHAIN.linkHash("prev2", "testschool", 7, values, "c0ffee"));
        assertNotEquals(link, CHAIN.linkHash("prev", "otherschool", 7, values, "c0ffee"));
        assertNotEquals(link, CHAIN.linkHash("prev", "testschool", 8, values, "c0ffee"));
        assertNotEquals(link, CHAIN.linkHash("prev", "testschool", 7, List.of("13", "12", "form",
                "2026-01-01T00:00:00.000Z"), "c0ffee"));
        assertNotEquals(link, CHAIN.linkHash("prev", "testschool", 7, List.of("12", "12", "form",
                "2026-01-01T00:00:00.001Z"), "c0ffee"));
        assertNotEquals(link, CHAIN.linkHash("prev", "testschool", 7, values, "c0ffef"));
    }

    @Test
    void theRowDigestIsTheDocumentedCanonicalJsonWhateverTheText() {
        // the digest is built by hand (no ObjectMapper per row): it must stay the documented text
        List<String> awkward = Arrays.asList("\"quoted\" \\ back", "ŵ\u2028\u0000\u001f\u007f\uD83D\uDE00", null, "",
                "</script>");
        for (String hash : Arrays.asList("c0ffee", null)) {
            assertEquals(ChainHasher.sha256(CanonicalJson.write(awkward) + "\n" + (hash == null ? "" : hash)),
                    CHAIN.rowDigest(awkward, hash));
        }
    }

    @Test
    void rowsPreparedTogetherEachHaveTheirOwnSaltAndTheDocumentedDigest() throws ReflectiveOperationException {
        Instant at = Instant.parse("2026-01-01T00:00:00.123Z");
        List<RecordChain.Row> rows = CHAIN.prepareAll(List.of(new Object[] {"form", at, "Siân"},
                new Object[] {"form", at, "Siân"}, new Object[] {"form", at, "Siân"}));
        Set<String> salts = new HashSet<>();
        for (RecordChain.Row row : rows) {
            String salt = field(row, "salt");
            assertTrue(salt.matches("[0-9a-f]{32}"), salt);
            salts.add(salt);
            String contentHash = ChainHasher.contentHash(salt, "Siân");
            assertEquals(contentHash, field(row, "contentHash"));
            assertEquals(CHAIN.rowDigest(List.of("form", "2026-01-01T00:00:00.123Z"), contentHash), field(row, "digest"));
        }
        assertEquals(3, salts.size(), "16 random bytes of its own for each row");
    }

    private static String field(RecordChain.Row row, String name) throws ReflectiveOperationException {
        Field field = RecordChain.Row.class.getDeclaredField(name);
        field.setAccessible(true);
        return (String) field.get(row);
    }
}
