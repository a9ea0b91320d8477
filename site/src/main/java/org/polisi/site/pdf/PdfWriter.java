package org.polisi.site.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
        Map<String, String> links = new HashMap<>();
        source.select("a[href]").forEach(a -> links.putIfAbsent(a.attr("href"), a.attr("title")));
        if (links.isEmpty()) {
            builder.toStream(out);
            builder.run();
            return;
        }
        ByteArrayOutputStream made = new ByteArrayOutputStream();
        builder.toStream(made);
        builder.run();
        describeLinks(made.toByteArray(), links, out);
    }

    /**
     * PDF/UA-1 7.18.5 wants each link annotation's {@code Contents} to say where it goes;
     * openhtmltopdf puts the link's title only in the structure tree, so it is copied here.
     */
    private static void describeLinks(byte[] pdf, Map<String, String> titles, OutputStream out) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getContents() == null
                            && link.getAction() instanceof PDActionURI uri) {
                        link.setContents(titles.getOrDefault(uri.getURI(), uri.getURI()));
                    }
                }
            }
            document.save(out);
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
