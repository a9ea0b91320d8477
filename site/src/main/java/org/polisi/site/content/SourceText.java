package org.polisi.site.content;

import org.polisi.site.problem.ContentException;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way the build reads a text file an author writes (pages, includes, school and cluster
 * settings, form definitions, the glossary, word lists, the theme's bundles): as UTF-8 (RFC 3629),
 * with line endings as written.
 *
 * <ul>
 *   <li>A UTF-8 byte order mark (EF BB BF, which Notepad and Word add when saving "UTF-8") is
 *       dropped silently: it is not part of the text (Unicode 15, section 23.8), and an author
 *       cannot see it to remove it. It would otherwise hide a page's title line from its header.</li>
 *   <li>A file in another Unicode encoding (UTF-16 or UTF-32, with or without a byte order mark:
 *       Notepad's "Unicode" and "Unicode big endian") is one {@code not-utf8} error at line 1 naming
 *       that encoding ({@link OtherUnicode}); its text is decoded as written, so nothing else is
 *       reported about it.</li>
 *   <li>Bytes that are not UTF-8 (a file saved as Windows-1252 or Latin-1) are one {@code not-utf8}
 *       error at the line and column of the first bad byte, counted in characters, saying to save
 *       the file as UTF-8. The text is still given back, each bad sequence replaced by U+FFFD, so
 *       that the rest of the build goes on and reports nothing else about this file.</li>
 * </ul>
 */
public final class SourceText {
    /** The code of a file that is not UTF-8. */
    public static final String NOT_UTF8 = "not-utf8";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private SourceText() {
    }

    /** A file's text and, when it is not valid UTF-8, the error that says where. */
    public record Decoded(String text, Optional<Problem> problem) {
    }

    /**
     * Reads {@code file}, adding a {@code not-utf8} error to {@code problems} when it is not UTF-8.
     *
     * @return the text (BOM dropped; invalid sequences as U+FFFD)
     * @throws IOException when the file cannot be read at all
     */
    public static String read(Path file, Problems problems) throws IOException {
        Decoded decoded = decode(file, Files.readAllBytes(file));
        decoded.problem().ifPresent(problems::add);
        return decoded.text();
    }

    /**
     * Reads {@code file} strictly: for settings and definitions, which are refused whole.
     *
     * @return the text, BOM dropped
     * @throws ContentException one {@code not-utf8} (or {@code unreadable}) error at the file
     */
    public static String readStrictly(Path file) {
        Decoded decoded;
        try {
            decoded = decode(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ContentException(Problem.error("unreadable", file, 0,
                    "cannot be read (" + e.getClass().getSimpleName() + "): check the file exists and may be read"));
        }
        if (decoded.problem().isPresent()) {
            throw new ContentException(decoded.problem().get());
        }
        return decoded.text();
    }

    /** Decodes {@code bytes} (the contents of {@code file}, which is named in the problem only). */
    public static Decoded decode(Path file, byte[] bytes) {
        Optional<Decoded> unicode = OtherUnicode.decode(file, bytes);
        if (unicode.isPresent()) {
            return unicode.get();
        }
        int start = startsWithBom(bytes) ? BOM.length : 0;
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new Decoded(strict.decode(input).toString(), Optional.empty());
        } catch (CharacterCodingException notUtf8) {
            String lenient = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
            return new Decoded(lenient, Optional.of(problemAt(file, bytes, start)));
        }
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    /** The error at the first byte that is not UTF-8: the valid text before it gives line and column. */
    private static Problem problemAt(Path file, byte[] bytes, int start) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer output = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(input, output, true);    // stops at the first bad sequence
        output.flip();
        String before = output.toString();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = before.codePointCount(lineStart, before.length()) + 1;
        int bad = bytes[input.position()] & 0xFF;
        return new Problem(Problem.Severity.ERROR, NOT_UTF8, file, line, column, String.format(
                "this file is not UTF-8 text (byte 0x%02X here; it was probably saved as Windows-1252 or Latin-1): "
                        + "open it and save it as UTF-8 (in Notepad: Save as, Encoding UTF-8; in Word: Plain Text, Unicode (UTF-8))",
                bad));
    }
}
