package org.polisi.site.pdf;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Renders a {@link PdfSource} document as a tagged PDF/UA-1 file (ISO 14289-1) with openhtmltopdf
 * (the maintained fork, on PDFBox): the document's language and title (shown as the window title),
 * a structure tree from the HTML's own elements (headings, lists, tables with {@code TH} cells,
 * figures with their alternative text), real text, bookmarks from the {@code <bookmarks>} of the
 * head, and the DejaVu fonts embedded as subsets (see the README beside them). docs/adr/0047.
 *
 * <p>An instance keeps the fonts it has read, parsed and measured, for every PDF it makes: the
 * process that runs builds owns one and lends it to each build ({@code BuildTools}), so that a
 * preview's rebuilds do not parse the fonts again. It holds only what the vendored fonts say, never
 * a build's input. Safe for concurrent use.
 */
public final class PdfWriter {
    private static final String FONTS = "fonts/";
    /** The faces the style ({@link PdfSource#CSS}) can ask for; each is embedded as a subset, and only if used. */
    private static final List<Face> FACES = List.of(
            new Face("DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL),
            new Face("DejaVuSans-Bold.ttf", "DejaVu Sans", 700, FontStyle.NORMAL),
            new Face("DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, FontStyle.ITALIC),
            new Face("DejaVuSansMono.ttf", "DejaVu Sans Mono", 400, FontStyle.NORMAL));
    /** The fonts' metrics, read once instead of once per PDF (openhtmltopdf's own cache; thread-safe). */
    private final FSDefaultCacheStore metrics = new FSDefaultCacheStore();
    /**
     * Parsed fonts, one set (file name to font) per PDF being made at once: parsing a font and
     * reading its tables (cmap, widths, names) was a sixth of a PDF's CPU when each PDF did it. A
     * FontBox {@link TrueTypeFont} reads its file lazily and is not safe for concurrent use, so a
     * PDF borrows a whole set and gives it back when saved; PDFBox leaves a font it did not open
     * to its owner. The pool grows to the number of PDFs made at once (one per core) and is kept
     * as long as this writer (a preview rebuilds with the same fonts).
     */
    private final Queue<Map<String, TrueTypeFont>> parsed = new ConcurrentLinkedQueue<>();
    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    /** Whether a warm-up has begun (or the real PDFs, after which none may). */
    private final java.util.concurrent.atomic.AtomicBoolean warm = new java.util.concurrent.atomic.AtomicBoolean();
    /** Whether the real PDFs have begun: a warm-up still running stops after its current page. */
    private volatile boolean making;
    /** How many warm-up pages this writer has made (for {@code -Dpolisi.timings}). */
    final java.util.concurrent.atomic.AtomicInteger warmUpPages = new java.util.concurrent.atomic.AtomicInteger();

    private record Face(String file, String family, int weight, FontStyle style) {
        /**
         * The font from {@code parsed}, parsed there if it is not yet. GSUB (glyph substitution) is
         * off: for Latin text it only swaps "ff", "fi", "ffi" for ligature glyphs, and PDFBox
         * applies it by building a regular expression for every run of text, a sixth of a PDF's
         * CPU. Without it each letter is its own glyph, and the text a screen reader or a copy
         * gets is the same (the tests compare it with the page's).
         */
        TrueTypeFont in(Map<String, TrueTypeFont> parsed, Map<String, byte[]> bytes) {
            return parsed.computeIfAbsent(file, f -> {
                try {
                    TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes.computeIfAbsent(f, PdfWriter::font)));
                    font.setEnableGsub(false);
                    return font;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the font " + f, e);
                }
            });
        }
    }

    /**
     * A face for one document, made from the document's borrowed fonts only when the layout first
     * uses it, as openhtmltopdf's own input-stream fonts are: an unused face costs nothing.
     */
    private static final class LazyFace extends PDFontSupplier {
        private final PDDocument document;
        private final Face face;
        private final Map<String, TrueTypeFont> parsed;
        private final Map<String, byte[]> bytes;
        private PDFont font;

        LazyFace(PDDocument document, Face face, Map<String, TrueTypeFont> parsed, Map<String, byte[]> bytes) {
            super(null);
            this.document = document;
            this.face = face;
            this.parsed = parsed;
            this.bytes = bytes;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    font = PDType0Font.load(document, face.in(parsed, bytes), true);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot embed the font " + face.file(), e);
                }
            }
            return font;
        }
    }

    /**
     * One converter per thread: {@code W3CDom.convert} makes a new one for every document, and each
     * new one asks JAXP for a {@code DocumentBuilderFactory}, which looks through every jar on the
     * class path for a service file (ADR 0085). A converter is not safe for concurrent use; its
     * factory, made once, gives each document a builder of its own.
     */
    private static final ThreadLocal<W3CDom> W3C_DOM = ThreadLocal.withInitial(W3CDom::new);

    static {
        XRLog.setLoggingEnabled(false);     // its warnings are about CSS it ignores, one line per page
    }

    /** A writer that has read no font yet. */
    public PdfWriter() {
    }

    /** True the first time it is called: the caller then warms this writer up (once per writer). */
    boolean startWarming() {
        return !warm.getAndSet(true);
    }

    /** Marks the real PDFs begun: no warm-up starts after this, and one running makes no further page. */
    void startMaking() {
        warm.set(true);
        making = true;
    }

    /**
     * Parses whole font sets (every face of {@link #FACES}) until the pool holds {@code sets} of
     * them, so that the real PDFs, made one per core at once, each find one ready instead of parsing
     * it on the build's critical path (the warm-up calls it, in the core the build leaves idle; ADR
     * 0085). A set that a PDF borrows meanwhile is not counted, so this may parse one set more
     * than needed; it never parses one after the real PDFs have begun ({@link #startMaking}).
     *
     * @param sets how many sets the pool should hold (the number of PDFs made at once)
     * @return how many sets this call parsed
     */
    int parseFontSets(int sets) {
        int added = 0;
        while (!making && parsed.size() < sets) {
            Map<String, TrueTypeFont> fonts = new HashMap<>();
            for (Face face : FACES) {
                face.in(fonts, bytes);
            }
            parsed.add(fonts);
            added++;
        }
        return added;
    }

    /** @return how many parsed font sets wait in the pool for the next PDFs */
    int fontSets() {
        return parsed.size();
    }

    /** Whether {@link #startMaking} has been called. */
    boolean making() {
        return making;
    }

    /**
     * @param source  from {@link PdfSource#of}
     * @param baseUri the built page's address ({@code file:} URI), against which images are found
     * @param out     receives the PDF; not closed
     * @throws IOException when the PDF cannot be written
     */
    void write(Document source, String baseUri, OutputStream out) throws IOException {
        write(source, source.outerHtml(), baseUri, out);
    }

    /**
     * As {@link #write(Document, String, OutputStream)}, for a caller that has serialised the
     * source already (the PDF cache's key is made from the same text; serialising a policy twice was
     * 1–2 % of a PDF's CPU).
     *
     * @param sourceHtml {@code source.outerHtml()}, from which the file identifier is made
     */
    void write(Document source, String sourceHtml, String baseUri, OutputStream out) throws IOException {
        write(source, sourceHtml, baseUri, PdfResources.folderOf(baseUri), out);
    }

    /**
     * As {@link #write(Document, String, String, OutputStream)}, opening no resource but the files
     * under {@code resources} and {@code data:} pictures ({@link PdfResources}).
     *
     * @param resources the folder whose files the page's images may be (the built site), or
     *                  {@code null}: none
     */
    void write(Document source, String sourceHtml, String baseUri, Path resources, OutputStream out) throws IOException {
        Map<String, TrueTypeFont> fonts = Optional.ofNullable(parsed.poll()).orElseGet(HashMap::new);
        try (PDDocument document = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.withProducer("Polisi (openhtmltopdf)");
            builder.usePDDocument(document);
            for (Face face : FACES) {
                builder.useFont(new LazyFace(document, face, fonts, bytes), face.family(), face.weight(), face.style(), true);
            }
            builder.withW3cDocument(W3C_DOM.get().fromJsoup(source), baseUri);
            builder.useExternalResourceAccessControl(new PdfResources(resources), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
            builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, metrics);
            Map<String, String> titles = new HashMap<>();
            source.select("a[href]").forEach(a -> titles.putIfAbsent(a.attr("href"), a.attr("title")));
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFKeepOpen();
                describeLinks(document, titles);
                // The same page gives the same PDF, byte for byte (a build from the cache equals a cold
                // one, docs/adr/0055): the time of the build is not a fact about the policy.
                // PDFBox would make the file identifier (ISO 32000-1 14.4) from the clock: it is made
                // from the page instead, the same for the same page, as the standard allows.
                document.getDocumentInformation().setCreationDate(null);
                byte[] id = Arrays.copyOf(sha256(sourceHtml), 16);
                COSArray identifier = new COSArray();
                identifier.add(new COSString(id));
                identifier.add(new COSString(id));
                document.getDocument().getTrailer().setItem(COSName.ID, identifier);
                // With object streams (PDFBox's default): writing them costs CPU once per page change, but
                // without them the real policies' PDFs were 3.6 times larger (1.1 MB against 310 KB).
                document.save(out);
            }
        } finally {
            parsed.add(fonts);
        }
    }

    /**
     * PDF/UA-1 7.18.5 wants each link annotation's {@code Contents} to say where it goes;
     * openhtmltopdf puts the link's title only in the structure tree, so it is copied here.
     */
    private static void describeLinks(PDDocument document, Map<String, String> titles) {
        for (PDPage page : document.getPages()) {
            try {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getContents() == null
                            && link.getAction() instanceof PDActionURI uri) {
                        link.setContents(titles.getOrDefault(uri.getURI(), uri.getURI()));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the links of a page just made", e);
            }
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] font(String name) {
        try (InputStream in = PdfWriter.class.getResourceAsStream(FONTS + name)) {
            if (in == null) {
                throw new IllegalStateException("the font " + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + name, e);
        }
    }
}
