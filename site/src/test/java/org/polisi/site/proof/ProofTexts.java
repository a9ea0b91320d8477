package org.polisi.site.proof;

import org.polisi.site.Fixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Texts to check the proofing's hand-written scanners against their regular expressions with: every
 * line of the project's real content, its fixtures and the theme's bundles, and lines written to
 * probe each edge (links, code, addresses, apostrophes, digits, accents, letters outside the BMP).
 */
final class ProofTexts {
    static final List<String> PROBES = List.of(
            "", " ", "a", "’", "'", "-", "_", "x1", "1x", "Y6 pupils", "3rd", "don't-3", "ar-lein", "co-ordinator",
            "Rwy’n", "sy'n", "’n", "'word'", "-word-", "word-", "word’", "word'1", "a_b", "café", "cafe\u0301", "\u0301abc",
            "Ysgol Gynradd Rumney’s", "ŵ ŷ â ê î ô û ï ë", "polisïau gwrth-fwlio", "𝐀𝐁𝐂 word", "word𝐀", "a\uD835",
            "\uDC00abc", "Ⅻ", "x²", "½day", "see https://example.org/a?b=c[the page] and www.gov.uk/x",
            "write to head@school.example.org or mailto:a@b.cymru[a@b.cymru]", "`./polisi build` then ./polisi forms verify",
            "link:policy.html[the policy] xref:x[y] policy:online-safety[Online safety] footnote:[a note]",
            "<<section,the section>> and <<other>>", "[[anchor]] [.role]#text# [#id]", "NOTE: a note", "TIP:no space",
            "+++<b>raw</b>+++ pass:q[raw]", "image:logo.png[alt=Logo] tick:[] kbd:[Ctrl] statement:form[id]",
            "{count, plural, one {# day} other {# days}}", "=0 {none} zero {x}", "{school-name} {a_b-c}", "school.wales",
            "example.com", "a.b.c.cymru/path", "e-safety.int", "ftp://files", "https://localhost", "no dots here", "3.5 m",
            "Mae’r polisi hwn — “dyfyniad” — yn berthnasol.", "behaviour policy's", "policies", "e-safety");

    private ProofTexts() {
    }

    /** Short strings drawn (with a fixed seed) from the characters each scanner treats specially. */
    static List<String> random() {
        int[] alphabet = "aZy'’-_1 .:/@[]{}<>`+#=,ŵ\u0301\t".codePoints().toArray();
        int[] extra = {0x1D400, 0x00B2, 0x216B, 0x00BD};   // a letter outside the BMP, other numbers
        java.util.Random random = new java.util.Random(18);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(14); n > 0; n--) {
                text.appendCodePoint(random.nextInt(20) == 0 ? extra[random.nextInt(extra.length)] : alphabet[random.nextInt(alphabet.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /** Every line of the texts the proofing reads in this project, and the probes. */
    static List<String> all() {
        List<String> lines = new ArrayList<>(PROBES);
        Path root = Fixtures.projectRoot();
        for (Path dir : List.of(root.resolve("content"), root.resolve("themes"), root.resolve("site/src/test/resources"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.(adoc|yml|properties|txt)$")).sorted().toList()) {
                    lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }
}
