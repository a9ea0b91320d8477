package org.polisi.site.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file the build reads goes through one decoding path ({@link SourceText}): a UTF-8 byte
 * order mark is dropped, a file that is not UTF-8 is one error at the line and column of its first
 * bad byte saying to save it as UTF-8, and only the school whose file it is is held back (issue:
 * one BOM stopped all six schools with a JBake stack trace; a Windows-1252 page stopped the build).
 * One real build of a small tree: each school carries one slip, one school carries none.
 */
class FileEncodingTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static String school(String name) {
        return "name: {en: " + name + "}\nlanguages: [en]\n";
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    @Test
    void aByteOrderMarkIsDroppedAndAFileNotInUtf8HoldsBackItsSchoolAloneAtItsLineAndColumn(@TempDir Path folder) throws Exception {
        String page = "= Rules\n:page-kind: page\n\nBe kind.\n";
        FixtureTree tree = FixtureTree.in(folder)
                .write("schools/clean/school.yml", school("Clean Primary School"))
                .write("schools/clean/en/rules.adoc", page)
                // the first example: a BOM before the title (Notepad's "UTF-8")
                .write("schools/bom/school.yml", "")
                .writeBytes("schools/bom/school.yml", withBom(school("Bom Primary School")))
                .writeBytes("schools/bom/en/rules.adoc", withBom("= Withdraw consent\n:page-kind: page\n\nBe kind.\n"))
                .writeBytes("schools/bom/en/parts/extra.adoc", withBom("Included text.\n"))
                .write("schools/bom/en/more.adoc", "= More\n:page-kind: page\n\ninclude::parts/extra.adoc[]\n")
                // the second example: a page saved as Windows-1252, the bad byte on line 4
                .write("schools/cp1252/school.yml", school("Windows Primary School"))
                .writeBytes("schools/cp1252/en/rules.adoc", "= Rules\n:page-kind: page\n\nCafé ’quote’\n".getBytes(WINDOWS_1252))
                // the third: a Latin-1 school.yml (the accent on line 3)
                .write("schools/latin/school.yml", "")
                .writeBytes("schools/latin/school.yml", (school("Latin Primary School")
                        + "roles:\n  headteacher: Mme Hélène Example\n").getBytes(StandardCharsets.ISO_8859_1))
                .write("schools/latin/en/rules.adoc", page)
                // variants: an included file, a word list
                .write("schools/included/school.yml", school("Included Primary School"))
                .write("schools/included/en/rules.adoc", "= Rules\n:page-kind: page\n\nBe kind.\n\ninclude::parts/a.adoc[]\n")
                .writeBytes("schools/included/en/parts/a.adoc", "One line.\nNa\u00efve\n".getBytes(StandardCharsets.ISO_8859_1))
                .write("schools/listed/school.yml", school("Listed Primary School"))
                .write("schools/listed/en/rules.adoc", page)
                .writeBytes("schools/listed/words.txt", "# names\nZo\u00eb # a name\n".getBytes(StandardCharsets.ISO_8859_1));

        BuildResult result = tree.build();

        List<String> errors = result.errors().stream()
                .map(p -> tree.content().relativize(p.file()) + ":" + p.line() + ":" + p.column() + " " + p.code()).sorted().toList();
        assertEquals(List.of(
                "schools/cp1252/en/rules.adoc:4:4 not-utf8",
                "schools/included/en/parts/a.adoc:2:3 not-utf8",
                "schools/latin/school.yml:4:21 not-utf8",
                "schools/listed/words.txt:2:3 not-utf8"), errors, result.problems().toString());
        for (Problem problem : result.problems()) {
            assertFalse(problem.message().matches("(?s).*(Exception|\\bat org\\.|\\bnull\\b).*"), problem.message());
        }
        assertTrue(result.errors().get(0).message().contains("save it as UTF-8"), result.errors().get(0).message());
        assertEquals(Set.of("cp1252", "included", "listed", "latin"), result.heldBack(),
                "a school whose settings cannot be read is not loaded, but held back by name like the others (tester 4's fault 2)");
        assertEquals(Set.of("clean", "bom"), result.publishedSites());
        assertFalse(Files.exists(tree.published("latin/en/rules.html")));

        String withBom = Files.readString(tree.published("bom/en/rules.html"));
        assertTrue(withBom.contains("<html lang=\"en\""), "the page's language is read past the BOM");
        assertTrue(withBom.contains("<h1>Withdraw consent</h1>") || withBom.contains(">Withdraw consent</h1>"), "its title too");
        assertFalse(withBom.contains("\uFEFF"), "no BOM is published");
        assertTrue(Files.readString(tree.published("bom/en/more.html")).contains("Included text."));
    }

    @Test
    void theFirstBadByteIsCountedInCharactersAfterAnyBom() {
        byte[] text = "ŵ ŷ\nâ\u0000b".getBytes(StandardCharsets.UTF_8);
        text[text.length - 2] = (byte) 0x92;     // a Windows-1252 right quote where the NUL was
        byte[] withBom = new byte[text.length + 3];
        System.arraycopy(BOM, 0, withBom, 0, 3);
        System.arraycopy(text, 0, withBom, 3, text.length);

        SourceText.Decoded decoded = SourceText.decode(Path.of("x.adoc"), withBom);

        Problem problem = decoded.problem().orElseThrow();
        assertEquals(2, problem.line());
        assertEquals(2, problem.column(), "â is one character, two bytes");
        assertTrue(problem.message().contains("0x92"), problem.message());
        assertEquals("ŵ ŷ\nâ\uFFFDb", decoded.text(), "the rest is read on, the bad byte replaced");
        assertEquals("ŵ", SourceText.decode(Path.of("y.adoc"), withBom("ŵ")).text());
        assertTrue(SourceText.decode(Path.of("y.adoc"), withBom("ŵ")).problem().isEmpty());
    }

    /** Tester 3's fault 7 and its kind: every other Unicode encoding is named as what it is, at line 1. */
    @Test
    void aFileInUtf16OrUtf32IsNamedAsSuchWithOrWithoutAByteOrderMark() {
        String text = "name: {en: Ysgol Gŵyr}\nlanguages: [en]\n";
        List<List<Object>> cases = List.of(
                List.of(new byte[]{(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE, "UTF-16 little-endian, Notepad's \"Unicode\""),
                List.of(new byte[]{(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE, "UTF-16 big-endian"),
                List.of(new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 0}, Charset.forName("UTF-32LE"), "UTF-32 little-endian"),
                List.of(new byte[]{0, 0, (byte) 0xFE, (byte) 0xFF}, Charset.forName("UTF-32BE"), "UTF-32 big-endian"),
                List.of(new byte[0], StandardCharsets.UTF_16LE, "UTF-16 little-endian, without a byte order mark"),
                List.of(new byte[0], StandardCharsets.UTF_16BE, "UTF-16 big-endian, without a byte order mark"),
                List.of(new byte[0], Charset.forName("UTF-32LE"), "UTF-32 little-endian, without a byte order mark"),
                List.of(new byte[0], Charset.forName("UTF-32BE"), "UTF-32 big-endian, without a byte order mark"));
        for (List<Object> each : cases) {
            byte[] mark = (byte[]) each.get(0);
            byte[] body = text.getBytes((Charset) each.get(1));
            byte[] bytes = new byte[mark.length + body.length];
            System.arraycopy(mark, 0, bytes, 0, mark.length);
            System.arraycopy(body, 0, bytes, mark.length, body.length);

            SourceText.Decoded decoded = SourceText.decode(Path.of("school.yml"), bytes);

            Problem problem = decoded.problem().orElseThrow(() -> new AssertionError(each.get(2)));
            assertEquals(SourceText.NOT_UTF8, problem.code());
            assertEquals(1, problem.line());
            assertTrue(problem.message().contains("saved as Unicode (" + each.get(2)), problem.message());
            assertTrue(problem.message().contains("save it as UTF-8"), problem.message());
            assertFalse(problem.message().contains("Windows-1252"), problem.message());
            assertEquals(text, decoded.text(), "its text is read as written, so nothing else is reported: " + each.get(2));
        }
    }

    @Test
    void aUtf16SchoolYmlHoldsBackItsSchoolWithOneErrorAtLineOne(@TempDir Path folder) {
        byte[] body = school("Unicode Primary School").getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        FixtureTree tree = FixtureTree.in(folder)
                .write("schools/clean/school.yml", school("Clean Primary School"))
                .write("schools/clean/en/rules.adoc", "= Rules\n:page-kind: page\n\nBe kind.\n")
                .write("schools/notepad/school.yml", "")
                .writeBytes("schools/notepad/school.yml", bytes)
                .write("schools/notepad/en/rules.adoc", "= Rules\n:page-kind: page\n\nBe kind.\n");

        BuildResult result = tree.build();

        assertEquals(List.of("schools/notepad/school.yml:1:1 not-utf8"), result.errors().stream()
                .map(p -> tree.content().relativize(p.file()) + ":" + p.line() + ":" + p.column() + " " + p.code()).toList());
        assertTrue(result.errors().get(0).message().contains("UTF-16"), result.errors().get(0).message());
        assertEquals(Set.of("clean"), result.publishedSites());
    }
}
