package org.polisi.site.content;

import org.polisi.site.problem.Problem;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises a text file saved in a Unicode encoding other than UTF-8, so that the author is told
 * what the file is and how to save it, not that it "was probably Windows-1252". By its byte order
 * mark (Unicode 15, section 23.8, table 23-4): UTF-32 LE {@code FF FE 00 00}, UTF-32 BE
 * {@code 00 00 FE FF}, UTF-16 LE {@code FF FE} (Notepad's "Unicode"), UTF-16 BE {@code FE FF}
 * ("Unicode big endian"); without one, by the zero bytes that UTF-16 and UTF-32 put beside every
 * Latin letter and that no text written in UTF-8 holds.
 */
final class OtherUnicode {
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

    private OtherUnicode() {
    }

    /**
     * The text of {@code bytes} when they are UTF-16 or UTF-32, with a {@code not-utf8} error at
     * line 1, column 1 of {@code file} naming the encoding; empty for any other bytes.
     */
    static Optional<SourceText.Decoded> decode(Path file, byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            return found(file, bytes, 4, UTF_32LE, "Unicode (UTF-32 little-endian)");
        }
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            return found(file, bytes, 4, UTF_32BE, "Unicode (UTF-32 big-endian)");
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return found(file, bytes, 2, StandardCharsets.UTF_16LE, "Unicode (UTF-16 little-endian, Notepad's \"Unicode\")");
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return found(file, bytes, 2, StandardCharsets.UTF_16BE, "Unicode (UTF-16 big-endian, Notepad's \"Unicode big endian\")");
        }
        if (bytes.length >= 4 && bytes[0] != 0 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] == 0) {
            return found(file, bytes, 0, UTF_32LE, "Unicode (UTF-32 little-endian, without a byte order mark)");
        }
        if (bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0 && bytes[3] != 0) {
            return found(file, bytes, 0, UTF_32BE, "Unicode (UTF-32 big-endian, without a byte order mark)");
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                } else {
                    oddZeros++;
                }
            }
        }
        // UTF-16 without a mark: a zero byte beside nearly every character (after it in little-endian)
        if (oddZeros > bytes.length / 4 && oddZeros > evenZeros) {
            return found(file, bytes, 0, StandardCharsets.UTF_16LE, "Unicode (UTF-16 little-endian, without a byte order mark)");
        }
        if (evenZeros > bytes.length / 4) {
            return found(file, bytes, 0, StandardCharsets.UTF_16BE, "Unicode (UTF-16 big-endian, without a byte order mark)");
        }
        return Optional.empty();
    }

    private static Optional<SourceText.Decoded> found(Path file, byte[] bytes, int skip, Charset charset, String name) {
        String text = new String(bytes, skip, bytes.length - skip, charset);
        return Optional.of(new SourceText.Decoded(text, Optional.of(new Problem(Problem.Severity.ERROR, SourceText.NOT_UTF8,
                file, 1, 1, "this file is not UTF-8 text: it was saved as " + name + ". Open it and save it as UTF-8 "
                + "(in Notepad: Save as, Encoding UTF-8; in Word: Plain Text, Unicode (UTF-8))"))));
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
