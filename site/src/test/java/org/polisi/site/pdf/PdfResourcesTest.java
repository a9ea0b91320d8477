package org.polisi.site.pdf;

import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PDF stage opens no address a page names but the built site's own files and pictures written
 * into the page (tester 7's finding 4: a page the build refused for its remote image still had the
 * image fetched three times at every build, by the PDF renderer). A real HTTP server on a free port
 * stands for the local network or a tracker and counts what reaches it.
 */
class PdfResourcesTest {
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] png = png(0x00ff00);
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(png);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String address(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static byte[] png(int rgb) throws java.io.IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 4; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    @Test
    void aPolicyTheBuildRefusesForItsRemoteImagesHasNoneOfThemFetched(@TempDir Path folder) {
        FixtureTree tree = FixtureTree.in(folder)
                .write("schools/pics/school.yml", "name: Pics School\nlanguages: [en]\ncountry: england\n")
                .write("schools/pics/en/policy.adoc", "= Remote pictures\n:page-kind: policy\n\n== Pictures\n\n"
                        + "image::" + address("/block.png") + "[A remote picture]\n\n"
                        + "See image:" + address("/inline.png") + "[an inline one] here.\n\n"
                        + "image::HTTP://127.0.0.1:" + server.getAddress().getPort() + "/upper.png[Another]\n");
        BuildResult result = tree.build("pics");
        assertTrue(result.errors().stream().anyMatch(p -> p.code().equals("remote-image")), result.errors().toString());
        assertEquals(List.of(), requests, "no stage of the build opens an address a page names");
    }

    @Test
    void aPdfHasThePicturesOfTheBuiltSiteAndWrittenIntoThePageButNothingFromElsewhere(@TempDir Path folder) throws Exception {
        Path site = Files.createDirectories(folder.resolve("built/school"));
        Files.createDirectories(site.resolve("en"));
        Files.createDirectories(site.resolve("assets"));
        Files.write(site.resolve("assets/inside.png"), png(0xff0000));
        Path outside = Files.write(Files.createDirectories(folder.resolve("elsewhere")).resolve("outside.png"), png(0x0000ff));
        Files.createSymbolicLink(site.resolve("assets/linked.png"), outside);
        String data = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(0xffff00));
        String svgData = "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(
                ("<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'><image href='" + address("/from-svg.png") + "'/></svg>").getBytes());
        Path html = site.resolve("en/policy.html");
        String page = "<!DOCTYPE html><html lang=\"en\"><head><title>Pictures – School</title></head><body><main><h1>Pictures</h1>"
                + "<div class=\"body\"><p>Inside <img src=\"../assets/inside.png\" alt=\"inside\"></p>"
                + "<p>Written in <img src=\"" + data + "\" alt=\"data\"></p>"
                + "<p>Remote <img src=\"" + address("/remote.png") + "\" alt=\"remote\"></p>"
                + "<p>Protocol-relative <img src=\"//127.0.0.1:" + server.getAddress().getPort() + "/relative.png\" alt=\"relative\"></p>"
                + "<p>Outside <img src=\"" + outside.toUri() + "\" alt=\"outside\"></p>"
                + "<p>Up and out <img src=\"../../../elsewhere/outside.png\" alt=\"up\"></p>"
                + "<p>A link out <img src=\"../assets/linked.png\" alt=\"linked\"></p>"
                + "<p>SVG <img src=\"" + svgData + "\" alt=\"svg\"></p>"
                + "</div></main></body></html>";
        Files.writeString(html, page);
        Path pdf = folder.resolve("policy.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            var source = PdfSource.of(Jsoup.parse(html.toFile(), "UTF-8", html.toUri().toString()));
            new PdfWriter().write(source, source.outerHtml(), html.toUri().toString(), folder.resolve("built"), out);
        }
        assertEquals(List.of(), requests, "nothing is fetched from the network");
        assertEquals(2, images(pdf), "the built site's own picture and the one written into the page, no other");
    }

    /** How many image XObjects the PDF's pages use. */
    private static int images(Path pdf) throws Exception {
        int count = 0;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : document.getPages()) {
                count += images(page.getResources());
            }
        }
        return count;
    }

    private static int images(PDResources resources) throws Exception {
        int count = 0;
        if (resources == null) {
            return 0;
        }
        for (COSName name : resources.getXObjectNames()) {
            var object = resources.getXObject(name);
            if (object instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                count++;
            } else if (object instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) {
                count += images(form.getResources());
            }
        }
        return count;
    }
}
