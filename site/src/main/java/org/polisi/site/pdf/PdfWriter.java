package org.polisi.site.pdf;

import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders a {@link PdfSource} document as a tagged PDF/UA-1 file (ISO 14289-1) with openhtmltopdf
 * (the maintained fork, on PDFBox): the document's language and title (shown as the window title),
 * a structure tree from the HTML's own elements (headings, lists, tables with {@code TH} cells,
 * figures with their alternative text), real text, bookmarks from the {@code <bookmarks>} of the
 * head, and the DejaVu fonts embedded as subsets (see the README beside them). docs/adr/0047.
 */
final class PdfWriter {
    private static final String FONTS = "fonts/";
    private static final byte[] SANS = font("DejaVuSans.ttf");
    private static final byte[] SANS_BOLD = font("DejaVuSans-Bold.ttf");
    private static final byte[] SANS_OBLIQUE = font("DejaVuSans-Oblique.ttf");
    private static final byte[] MONO = font("DejaVuSansMono.ttf");
    /** The fonts' metrics, read once per build instead of once per PDF (openhtmltopdf's own cache; thread-safe). */
    private static final FSDefaultCacheStore FONT_METRICS = new FSDefaultCacheStore();

    static {
        XRLog.setLoggingEnabled(false);     // its warnings are about CSS it ignores, one line per page
    }

    private PdfWriter() {
    }

    /**
     * @param source  from {@link PdfSource#of}
     * @param baseUri the built page's address ({@code file:} URI), against which images are found
     * @param out     receives the PDF; not closed
     * @throws IOException when the PDF cannot be written
     */
    static void write(Document source, String baseUri, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.withProducer("Polisi (openhtmltopdf)");
        builder.useFont(() -> new ByteArrayInputStream(SANS), "DejaVu Sans", 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(SANS_BOLD), "DejaVu Sans", 700, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(SANS_OBLIQUE), "DejaVu Sans", 400, FontStyle.ITALIC, true);
        builder.useFont(() -> new ByteArrayInputStream(MONO), "DejaVu Sans Mono", 400, FontStyle.NORMAL, true);
        builder.withW3cDocument(W3CDom.convert(source), baseUri);
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, FONT_METRICS);
        Map<String, String> titles = new HashMap<>();
        source.select("a[href]").forEach(a -> titles.putIfAbsent(a.attr("href"), a.attr("title")));
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            PDDocument document = renderer.createPDFKeepOpen();
            describeLinks(document, titles);
            // The same page gives the same PDF, byte for byte (a build from the cache equals a cold
            // one, docs/adr/0055): the time of the build is not a fact about the policy.
            // PDFBox would make the file identifier (ISO 32000-1 14.4) from the clock: it is made
            // from the page instead, the same for the same page, as the standard allows.
            document.getDocumentInformation().setCreationDate(null);
            byte[] id = Arrays.copyOf(sha256(source.outerHtml()), 16);
            COSArray identifier = new COSArray();
            identifier.add(new COSString(id));
            identifier.add(new COSString(id));
            document.getDocument().getTrailer().setItem(COSName.ID, identifier);
            // With object streams (PDFBox's default): writing them costs CPU once per page change, but
            // without them the real policies' PDFs were 3.6 times larger (1.1 MB against 310 KB).
            document.save(out);
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
