package org.polisi.forms.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing key's HMAC-SHA256 (RFC 2104), made with one MAC per thread reused for every text
 * (issue 23's intake profile): each signature must be the one a fresh MAC gives, whatever was signed
 * before on the thread and however many threads sign at once.
 */
class SecretKeyTest {

    /** RFC 4231, test case 6: a key longer than SHA-256's block, hashed first. */
    @Test
    void signsAsRfc4231Says(@TempDir Path folder) throws Exception {
        byte[] key = new byte[131];
        Arrays.fill(key, (byte) 0xaa);
        Path file = folder.resolve("secret.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(key));
        SecretKey secret = SecretKey.loadOrCreate(file);
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(HexFormat.of()
                .parseHex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
        for (int again = 0; again < 3; again++) {
            assertEquals(expected, secret.sign("Test Using Larger Than Block-Size Key - Hash Key First"),
                    "the same signature however often the thread has signed before");
        }
        assertTrue(secret.verify("Test Using Larger Than Block-Size Key - Hash Key First", expected));
        assertFalse(secret.verify("Test Using Larger Than Block-Size Key - Hash Key Firsu", expected));
    }

    @Test
    void everySignatureFromManyThreadsIsTheOneAFreshMacGives(@TempDir Path folder) throws Exception {
        SecretKey secret = SecretKey.loadOrCreate(folder.resolve("secret.key"));
        byte[] key = Base64.getDecoder().decode(Files.readString(folder.resolve("secret.key")).strip());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<List<String[]>>> signed = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            signed.add(threads.submit(() -> {
                List<String[]> pairs = new ArrayList<>();
                for (int i = 0; i < 2_000; i++) {
                    String text = "school\nform-" + thread + "\n" + "é".repeat(i % 7) + i;
                    pairs.add(new String[] {text, secret.sign(text)});
                }
                return pairs;
            }));
        }
        Mac fresh = Mac.getInstance("HmacSHA256");
        fresh.init(new SecretKeySpec(key, "HmacSHA256"));
        int checked = 0;
        for (Future<List<String[]>> each : signed) {
            for (String[] pair : each.get()) {
                assertEquals(Base64.getUrlEncoder().withoutPadding().encodeToString(
                        fresh.doFinal(pair[0].getBytes(StandardCharsets.UTF_8))), pair[1], pair[0]);
                checked++;
            }
        }
        threads.shutdown();
        assertEquals(16_000, checked);
    }
}
