package org.polisi.site.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;
import org.polisi.site.Fixtures.BakedSite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The good fixture built for real: every policy and appendix of each school has a PDF in each
 * language, linked from its page, and every PDF passes veraPDF's PDF/UA-1 checks and carries the
 * language, title, bookmarks, table header cells, real text and embedded fonts.
 */
class PolicyPdfsTest {
    private static BakedSite site;

    @BeforeAll
    static void build() {
        site = Fixtures.bake(Fixtures.content("good"), List.of());
        assertTrue(site.result().published(), () -> "build failed: " + site.result().problems());
    }

    @AfterAll
    static void cleanUp() {
        site.delete();
    }

    private static List<Path> pdfs() throws IOException {
        try (Stream<Path> files = Files.walk(site.pages())) {
            return files.filter(f -> f.toString().endsWith(".pdf")).sorted().toList();
        }
    }

    @Test
    void everyPolicyAndAppendixOfEachSchoolHasALinkedPdfInEachLanguage() {
        for (String page : List.of("adopter/en/policy", "adopter/cy/policy", "adopter/en/appendix-a-agreement",
                "adopter/cy/appendix-a-agreement", "solo/en/policy")) {
            assertTrue(Files.isRegularFile(site.file(page + ".pdf")), page + ".pdf");
            Document html = site.page(page + ".html");
            Element link = html.selectFirst("main a[href=" + Path.of(page).getFileName() + ".pdf]");
            assertNotNull(link, page + ": no link to its PDF");
            assertEquals("application/pdf", link.attr("type"));
            assertEquals(1, html.select("." + PolicyPdfs.LINK_CLASS).size(), page + ": one link");
        }
        assertEquals("Download this policy as a PDF (accessible)", site.page("adopter/en/policy.html").selectFirst(".pdf-link a").text());
        assertEquals("Lawrlwytho'r polisi hwn fel PDF (hygyrch)", site.page("adopter/cy/policy.html").selectFirst(".pdf-link a").text());
        assertEquals("Download this appendix as a PDF (accessible)",
                site.page("adopter/en/appendix-a-agreement.html").selectFirst(".pdf-link a").text());
        assertEquals("Lawrlwytho'r atodiad hwn fel PDF (hygyrch)",
                site.page("adopter/cy/appendix-a-agreement.html").selectFirst(".pdf-link a").text());
    }

    /** A page that already carries its link (a preview's reused page) gets it back once, not twice. */
    @Test
    void aPageThatAlreadyCarriesItsLinkKeepsOneLink() throws Exception {
        Path work = Files.createTempDirectory(site.folder(), "relink-");
        Path out = work.resolve("out");
        org.polisi.site.render.FileTrees.copy(site.pages(), out);
        String page = "adopter/en/policy.html";
        assertEquals(1, org.jsoup.Jsoup.parse(out.resolve(page).toFile()).select("." + PolicyPdfs.LINK_CLASS).size());
        java.util.Map<String, org.polisi.site.theme.Messages> messages =
                org.polisi.site.theme.Messages.everyLanguage(Fixtures.theme().resolve("i18n"));
        org.polisi.site.problem.Problems problems = new org.polisi.site.problem.Problems();
        new PolicyPdfs(work.resolve("work"), messages, line -> { })
                .start(org.polisi.site.catalog.CatalogStage.load(site.options(), new org.polisi.site.problem.Problems()).sites(), out)
                .join(problems);
        assertEquals(List.of(), problems.all());
        for (String each : List.of(page, "adopter/cy/policy.html", "solo/en/policy.html")) {
            assertEquals(1, org.jsoup.Jsoup.parse(out.resolve(each).toFile()).select("." + PolicyPdfs.LINK_CLASS).size(), each);
        }
    }

    /**
     * The page history reads the built pages on its own threads while the PDF stage links each page
     * to its PDF (tester 6, N2: a page read half written had no {@code <main>}): a reader never sees
     * a page cut short.
     */
    @Test
    void aPageBeingLinkedIsNeverReadHalfWritten() throws Exception {
        Path work = Files.createTempDirectory(site.folder(), "linking-");
        Path out = work.resolve("out");
        org.polisi.site.render.FileTrees.copy(site.pages(), out);
        List<Path> pages = List.of(out.resolve("adopter/en/policy.html"), out.resolve("adopter/cy/policy.html"),
                out.resolve("solo/en/policy.html"), out.resolve("adopter/en/appendix-a-agreement.html"));
        java.util.concurrent.atomic.AtomicBoolean linking = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        List<String> cut = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (linking.get()) {
                for (Path page : pages) {
                    try {
                        String text = Files.readString(page);
                        reads.incrementAndGet();
                        if (!text.contains("</main>")) {
                            cut.add(page + ": " + text.length() + " characters");
                        }
                    } catch (IOException e) {
                        cut.add(page + ": " + e);
                    }
                }
            }
        });
        reader.start();
        try {
            org.polisi.site.problem.Problems problems = new org.polisi.site.problem.Problems();
            for (int round = 0; round < 3; round++) {
                new PolicyPdfs(work.resolve("work"), org.polisi.site.theme.Messages.everyLanguage(Fixtures.theme().resolve("i18n")), line -> { })
                        .start(org.polisi.site.catalog.CatalogStage.load(site.options(), new org.polisi.site.problem.Problems()).sites(), out)
                        .join(problems);
            }
        } finally {
            linking.set(false);
            reader.join();
        }
        assertTrue(reads.get() > 0);
        assertEquals(List.of(), cut);
    }

    /**
     * The warm-up (one throw-away PDF while the pages convert) runs only when a PDF will probably be
     * made: after this build, with nothing changed since, a rebuild copies every PDF and needs none.
     */
    @Test
    void aRebuildWithNothingChangedSinceThePdfsWereMadeIsNotExpectedToMakeAny() throws IOException {
        Path cache = site.options().workDir().resolve("pdf");
        Path stamp = cache.resolve(PolicyPdfs.STAMP);
        List<Path> inputs = List.of(site.options().contentDir(), site.options().themeDir());
        assertFalse(PolicyPdfs.likelyToMake(cache, inputs), "nothing changed since the PDFs were made");

        java.nio.file.attribute.FileTime made = Files.getLastModifiedTime(stamp);
        Files.setLastModifiedTime(stamp, java.nio.file.attribute.FileTime.fromMillis(0));
        assertTrue(PolicyPdfs.likelyToMake(cache, inputs), "every input is newer than the PDFs");
        Files.setLastModifiedTime(stamp, made);

        String format = Files.readString(stamp);
        Files.writeString(stamp, "an older version of the PDFs");
        Files.setLastModifiedTime(stamp, made);
        assertTrue(PolicyPdfs.likelyToMake(cache, inputs), "PDFs of another version are made again");
        Files.writeString(stamp, format);
        Files.setLastModifiedTime(stamp, made);
        assertFalse(PolicyPdfs.likelyToMake(cache, inputs));

        Path empty = Files.createTempDirectory(site.folder(), "pdf-");
        Files.copy(stamp, empty.resolve(PolicyPdfs.STAMP), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        assertTrue(PolicyPdfs.likelyToMake(empty, inputs), "a stamp without PDFs");
        assertTrue(PolicyPdfs.likelyToMake(site.folder().resolve("no-such-folder"), inputs), "a first build");
    }

    /**
     * The warm-up starts only once proofing has ended (ADR 0069), which on a first build can be
     * after the real PDFs began: it must then do nothing, or it would only take CPU beside them.
     */
    @Test
    void aWarmUpAskedForAfterTheRealPdfsBeganDoesNothing() throws IOException {
        Path work = Files.createTempDirectory(site.folder(), "late-warm-up");
        PdfWriter untouched = new PdfWriter();
        assertTrue(untouched.startWarming(), "a writer nobody warmed may be warmed");
        PdfWriter writer = new PdfWriter();
        new PolicyPdfs(work, writer, java.util.Map.of(), line -> { }).start(List.of(), work.resolve("out"))
                .join(new org.polisi.site.problem.Problems());
        assertFalse(writer.startWarming(), "the real PDFs began: no warm-up after them");
        PolicyPdfs.prepare(writer, work, List.of(site.folder()), () -> true);     // starts nothing, throws nothing
        assertEquals(0, PolicyPdfs.warmUp(writer, () -> true), "a warm-up running when the real PDFs begin makes no further page");
    }

    /**
     * The warm-up goes on making throw-away pages only while the build leaves a core idle (JRuby
     * starting, or converting its first page alone), and never past its limit (ADR 0077).
     */
    @Test
    void aWarmUpMakesPagesOnlyWhileACoreIsIdleAndAtMostItsLimit() {
        assertEquals(1, PolicyPdfs.warmUp(new PdfWriter(), () -> false), "no core idle: the one page, as before");
        int[] asked = {0};
        assertEquals(4, PolicyPdfs.warmUp(new PdfWriter(), () -> ++asked[0] <= 3), "idle for three more pages");
        assertEquals(4, asked[0], "asked after each page");
        assertEquals(PolicyPdfs.MOST_WARM_UP_PAGES, PolicyPdfs.warmUp(new PdfWriter(), () -> true), "idle throughout: the limit");
    }

    /**
     * The same page makes the same PDF, byte for byte, whether the writer was warmed up or not:
     * the warm-up changes what the JVM has compiled, never what a PDF says (ADR 0077).
     */
    @Test
    void aWarmedWriterMakesTheSameBytes() throws IOException {
        Path html = site.file("adopter/cy/policy.html");
        Document source = PdfSource.of(org.jsoup.Jsoup.parse(html.toFile(), "UTF-8"));
        java.io.ByteArrayOutputStream cold = new java.io.ByteArrayOutputStream();
        new PdfWriter().write(source, html.toUri().toString(), cold);
        PdfWriter warmed = new PdfWriter();
        assertEquals(PolicyPdfs.MOST_WARM_UP_PAGES, PolicyPdfs.warmUp(warmed, () -> true));
        java.io.ByteArrayOutputStream warm = new java.io.ByteArrayOutputStream();
        warmed.write(source, html.toUri().toString(), warm);
        assertTrue(cold.size() > 0);
        assertTrue(java.util.Arrays.equals(cold.toByteArray(), warm.toByteArray()), "the same bytes");
    }

    /**
     * The warm-up leaves a parsed font set for each PDF the stage makes at once (one per core), so
     * that no real PDF parses the fonts on the critical path (ADR 0085); once the real PDFs have
     * begun it parses none (they would parse their own beside it).
     */
    @Test
    void aWarmUpLeavesAFontSetForEachCoreAndNoneAfterTheRealPdfsBegan() {
        int cores = Runtime.getRuntime().availableProcessors();
        PdfWriter warmed = new PdfWriter();
        assertEquals(0, warmed.fontSets());
        assertEquals(1, PolicyPdfs.warmUp(warmed, () -> false));
        assertEquals(Math.max(cores, 1), warmed.fontSets(), "one set per PDF made at once");
        assertEquals(0, warmed.parseFontSets(cores), "already full: nothing parsed again");
        PdfWriter late = new PdfWriter();
        late.startMaking();
        assertEquals(0, late.parseFontSets(cores), "the real PDFs began: they parse their own");
        assertEquals(0, late.fontSets());
    }

    /**
     * PDFs made at once on one writer, each on fonts parsed before it and shared with the others
     * in turn, have the bytes each page gets from a new writer alone (ADR 0085: the fonts, the
     * converter per thread and the serialised source are shared, never a PDF's content).
     */
    @Test
    void pdfsMadeAtOnceOnSharedFontsHaveTheBytesOfPdfsMadeAlone() throws Exception {
        List<Path> pages = Stream.of("adopter/cy/policy.html", "adopter/en/policy.html", "adopter/cy/policy.html",
                "adopter/en/policy.html").map(site::file).toList();
        List<byte[]> alone = new ArrayList<>();
        for (Path html : pages) {
            alone.add(pdf(new PdfWriter(), html));
        }
        PdfWriter shared = new PdfWriter();
        shared.parseFontSets(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<byte[]>> together = new ArrayList<>();
            for (Path html : pages) {
                together.add(pool.submit(() -> pdf(shared, html)));
            }
            for (int i = 0; i < pages.size(); i++) {
                assertTrue(java.util.Arrays.equals(alone.get(i), together.get(i).get()), "the same bytes for " + pages.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        assertFalse(java.util.Arrays.equals(alone.get(0), alone.get(1)), "the two languages' PDFs differ (the test can fail)");
    }

    private static byte[] pdf(PdfWriter writer, Path html) throws IOException {
        Document source = PdfSource.of(org.jsoup.Jsoup.parse(html.toFile(), "UTF-8"));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writer.write(source, html.toUri().toString(), out);
        return out.toByteArray();
    }

    @Test
    void otherPagesAndTemplatePreviewsHaveNone() throws IOException {
        assertFalse(Files.exists(site.file("adopter/en/about.pdf")), "an ordinary page is not a policy");
        assertTrue(pdfs().stream().noneMatch(p -> site.pages().relativize(p).toString().startsWith("demo-template")),
                "a template preview is not published to readers");
        assertTrue(site.page("adopter/en/about.html").select(".pdf-link").isEmpty());
    }

    @Test
    void everyPdfPassesVeraPdfAgainstPdfUa1() throws Exception {
        List<Path> pdfs = pdfs();
        assertEquals(5, pdfs.size(), pdfs.toString());
        List<String> failures = new ArrayList<>();
        for (Path pdf : pdfs) {
            PdfUa.failures(pdf).forEach(f -> failures.add(site.pages().relativize(pdf) + ": " + f));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aPdfCarriesLanguageTitleBookmarksTableHeadersTextAndEmbeddedFonts() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(site.file("adopter/cy/policy.pdf").toFile())) {
            Document html = site.page("adopter/cy/policy.html");
            assertEquals("cy", pdf.getDocumentCatalog().getLanguage());
            assertEquals(html.title(), pdf.getDocumentInformation().getTitle());
            assertTrue(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle(), "the title, not the file name, is shown");
            assertTrue(pdf.getDocumentCatalog().getMarkInfo().isMarked(), "tagged");
            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
            }
            List<String> sections = html.select("main h2:not(.visually-hidden, .contents__title)").eachText();
            assertTrue(sections.containsAll(html.select("main .body h2").eachText()), sections.toString());
            assertEquals(sections, bookmarks);
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertTrue(text.contains(html.selectFirst(".site-header__name").text()), "the school's name: " + text);
            String sentence = html.selectFirst("main .body p").text();
            assertTrue(text.contains(sentence), "real text: '" + sentence + "' in " + text);
            List<String> tags = new ArrayList<>();
            tags(pdf.getDocumentCatalog().getStructureTreeRoot(), tags);
            assertTrue(tags.contains("Table") && tags.contains("TH") && tags.contains("TD"), tags.toString());
            assertTrue(tags.contains("H1") && tags.contains("H2"), tags.toString());
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
        }
    }

    @Test
    void aFormPagesPdfPassesAndLeavesOutWhatOnlyWorksInABrowser() throws Exception {
        BakedSite agreement = Fixtures.bake(Fixtures.content("agreement"), List.of());
        try {
            assertTrue(agreement.result().published(), () -> "build failed: " + agreement.result().problems());
            for (String language : List.of("en", "cy")) {
                Path file = agreement.file("hillside/" + language + "/staff-agreement.pdf");
                assertEquals(List.of(), PdfUa.failures(file), language);
                Document html = agreement.page("hillside/" + language + "/staff-agreement.html");
                assertNotNull(html.selectFirst("main form"), "the page has a form");
                try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
                    String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
                    String button = html.selectFirst("main form button").text();
                    assertFalse(text.contains(button), "no form button in the PDF: " + button);
                    assertFalse(text.contains(html.selectFirst(".pdf-link").text()), "no link to itself");
                    assertTrue(text.contains(html.selectFirst("main h1").text()), text);
                    assertEquals(language, pdf.getDocumentCatalog().getLanguage());
                }
            }
        } finally {
            agreement.delete();
        }
    }

    private static void tags(PDStructureNode node, List<String> tags) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                tags.add(element.getStructureType());
                tags(element, tags);
            }
        }
    }

    /**
     * Each letter is its own glyph ("staff" is s-t-a-f-f, not s-t-a and an "ff" ligature): the
     * PDFs are made without the fonts' glyph substitution (PdfWriter), so what a screen reader or
     * a copy reads never depends on a ligature's Unicode mapping.
     */
    @Test
    void lettersAreNotJoinedIntoLigatures() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(site.file("adopter/en/policy.pdf").toFile())) {
            List<String> joined = new ArrayList<>();
            StringBuilder all = new StringBuilder();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) throws IOException {
                    for (org.apache.pdfbox.text.TextPosition position : positions) {
                        // A ligature glyph reads as one presentation form (U+FB00 "ﬀ", U+FB01 "ﬁ"), which NFKC splits
                        if (!position.getUnicode().equals(java.text.Normalizer.normalize(position.getUnicode(), java.text.Normalizer.Form.NFKC))) {
                            joined.add(position.getUnicode());
                        }
                    }
                    all.append(text).append(' ');
                    super.writeString(text, positions);
                }
            };
            stripper.getText(pdf);
            assertTrue(all.toString().contains("staff") || all.toString().contains("Staff"), "the page says 'staff': " + all);
            assertEquals(List.of(), joined, "ligature glyphs (made with the fonts' glyph substitution on)");
        }
    }
}