package org.polisi.site.compose;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;
import org.polisi.site.problem.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A school's images live in its {@code assets/} folder (or its template's), are checked like links,
 * need real alternative text unless they only decorate, are never fetched from elsewhere, and are
 * published once for every language.
 */
class ImageReferencesTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

    private static FixtureTree school(Path folder, String englishBody) {
        return FixtureTree.in(folder)
                .write("clusters/shared/cluster.yml", "name: {en: Shared, cy: Rhannu}\nlanguages: [en, cy]\n")
                .writeBytes("clusters/shared/assets/crest.png", PNG)
                .write("schools/pics/school.yml", "name: {en: Pics School, cy: Ysgol Lluniau}\nlanguages: [en, cy]\nadopts: shared\n")
                .writeBytes("schools/pics/assets/logo.png", PNG)
                .write("schools/pics/en/page.adoc", "= Page\n:page-kind: page\n\n" + englishBody)
                .write("schools/pics/cy/page.adoc", "= Tudalen\n:page-kind: page\n:translation-status: draft\n\n"
                        + "image::logo.png[Logo'r ysgol]\n\nimage::crest.png[Arfbais y clwstwr]\n");
    }

    @Test
    void imagesFromTheSchoolsAndTheTemplatesAssetsArePublishedOnceWithTheirAltText(@TempDir Path folder) throws Exception {
        FixtureTree tree = school(folder, "image::logo.png[The school's logo]\n\nimage::crest.png[The cluster's crest]\n\n"
                + "A line image:logo.png[logo,role=presentation] that decorates.\n\nimage::logo.png[\"\",role=presentation]\n");
        BuildResult result = tree.build("pics");
        assertEquals(List.of(), result.errors(), result.errors().toString());
        assertTrue(Files.isRegularFile(tree.published("pics/assets/logo.png")));
        assertTrue(Files.isRegularFile(tree.published("pics/assets/crest.png")));
        assertFalse(Files.exists(tree.published("pics/en/assets")) || Files.exists(tree.published("pics/cy/assets")));
        Document page = Jsoup.parse(tree.published("pics/en/page.html").toFile(), "UTF-8", "http://localhost/pics/en/page.html");
        assertEquals("The school\u2019s logo", page.select("img").get(0).attr("alt"));
        assertEquals("http://localhost/pics/assets/logo.png", page.select("img").get(0).absUrl("src"));
        assertEquals("", page.select("img").get(2).attr("alt"), "a decorative image has an empty alt");
        assertEquals("", page.select("img").get(3).attr("alt"));
    }

    @Test
    void aMissingFileNoAltTextAndARemoteImageAreErrorsAtTheirLines(@TempDir Path folder) {
        FixtureTree tree = school(folder, "image::nothing.png[]\n\nimage::logo.png[]\n\nimage::https://cdn.example.net/x.png[A picture]\n\n"
                + "Text image:images/logo.png[Logo] inline.\n");
        BuildResult result = tree.build("pics");
        List<String> found = result.errors().stream().map(p -> p.line() + " " + p.code()).toList();
        assertEquals(List.of("4 broken-image", "4 missing-alt", "6 missing-alt", "8 remote-image", "10 broken-image"), found,
                result.errors().toString());
        Problem alt = result.errors().stream().filter(p -> p.code().equals("missing-alt")).findFirst().orElseThrow();
        assertTrue(alt.message().contains("role=presentation"), alt.message());
        assertFalse(Files.exists(tree.published("pics/en/page.html")));
    }

    @Test
    void anImageWrittenIntoThePageIsNamedAsSuchNotAsAnotherSitesFile(@TempDir Path folder) {
        // tester 5's fault 6: the message called a data: image "fetched from another site" and proposed the base64's tail as its name
        FixtureTree tree = school(folder, "image::data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+[y]\n\n"
                + "Inline image:DATA:image/jpeg;base64,/9j/4AAQ[z] here.\n");
        BuildResult result = tree.build("pics");
        List<Problem> embedded = result.errors().stream().filter(p -> p.code().equals("embedded-image")).toList();
        assertEquals(List.of(4, 6), embedded.stream().map(Problem::line).toList(), result.errors().toString());
        assertTrue(embedded.get(0).message().contains("written into the page's text (a data: address of type image/svg+xml)")
                && embedded.get(0).message().endsWith("write image::NAME.svg[What it shows]"), embedded.get(0).message());
        assertTrue(embedded.get(1).message().endsWith("image::NAME.jpg[What it shows]"), embedded.get(1).message());
        assertTrue(result.errors().stream().noneMatch(p -> p.message().contains("another site") || p.message().contains("base64,")),
                result.errors().toString());
    }

    @Test
    void anAssetsFolderIsNotMistakenForALanguage(@TempDir Path folder) {
        FixtureTree tree = school(folder, "Text.\n").writeBytes("schools/pics/images/old.png", PNG);
        BuildResult result = tree.build("pics");
        List<String> warnings = result.warnings().stream().map(p -> p.file().getFileName() + " " + p.message()).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("images ") && warnings.get(0).contains("images go in assets/"), warnings.get(0));
    }
}
