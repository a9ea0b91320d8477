package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.FormsServer;
import org.polisi.forms.config.ConfigLoader;

/**
 * {@code ./polisi build --school rumney} while the forms server runs: the real content is built
 * whole, served, then Rumney alone is built again; every other school's pages are still served and
 * the server still knows their forms (a submission is checked against the form, not refused as
 * unknown), because a partial build publishes next to the others' last good output and merges the
 * manifests.
 */
class PartialBuildServingTest {

    @Test
    void buildingOneSchoolLeavesTheOthersServedAndTheirFormsKnown(@TempDir Path root) throws Exception {
        Path project = BakedSites.findProjectRoot();
        BakedSites.copy(project.resolve("content"), root.resolve("content"));
        Files.createSymbolicLink(root.resolve("themes"), project.resolve("themes"));
        build(project, root);
        FormsServer server = FormsServer.create(ConfigLoader.defaults()
                .set("port", 0)
                .set("db", root.resolve("data/polisi.db"))
                .set("site-dir", root.resolve("site/target/public"))
                .set("manifest-dir", root.resolve("site/target/manifests"))
                .set("agreed-texts-dir", root.resolve("data/agreed-texts"))
                .load()).start();
        try {
            String before = get(server, "/brynford/en/online-safety-policy.html").body();
            build(project, root, "--school", "rumney");

            for (String page : List.of("/brynford/en/online-safety-policy.html", "/brynford/cy/online-safety-policy.html",
                    "/aberford/en/internet-policy.html", "/holy-trinity/en/online-safety-policy.html",
                    "/ngp-template/en/online-safety-policy.html", "/rumney/en/online-safety-policy.html")) {
                assertEquals(200, get(server, page).statusCode(), page);
            }
            for (String page : List.of("/brynford/en/online-safety-policy.html", "/brynford/cy/online-safety-policy.html",
                    "/rumney/cy/online-safety-policy.html")) {
                // Each policy's accessible PDF is served beside it, labelled, and revalidated like the page.
                String pdf = page.substring(0, page.lastIndexOf('/') + 1)
                        + Jsoup.parse(get(server, page).body()).selectFirst("main .pdf-link a[href$=.pdf]").attr("href");
                HttpResponse<String> served = get(server, pdf);
                assertEquals(200, served.statusCode(), pdf);
                // Jetty appends its default charset to every type (harmless for a PDF; images get it too)
                assertTrue(served.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"), pdf);
                assertEquals("no-cache", served.headers().firstValue("Cache-Control").orElse(""), pdf);
                assertTrue(served.body().startsWith("%PDF-"), pdf);
            }
            String after = get(server, "/brynford/en/online-safety-policy.html").body();
            assertEquals(before, after);
            String index = get(server, "/").body();
            for (String school : List.of("aberford", "brynford", "holy-trinity", "rumney")) {
                assertTrue(index.contains("href=\"" + school + "/en/index.html\""), school);
                assertTrue(Files.isRegularFile(root.resolve("site/target/manifests/" + school + ".json")), school);
            }
            // Brynford's form is still known: an empty submission gets the form's own errors, not "no such form".
            Element form = Jsoup.parse(after).selectFirst("form[action][method=post]");
            String body = form.select("input[type=hidden]").stream()
                    .map(input -> input.attr("name") + "=" + java.net.URLEncoder.encode(input.val(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> response = post(server, form.attr("action"), body);
            assertNotEquals(404, response.statusCode(), response.body());
            assertEquals(303, response.statusCode(), response.body());
            String answers = response.headers().firstValue("Location").orElseThrow();
            assertTrue(answers.contains("/answers/"), "the form again with its errors (post/redirect/get): " + answers);
            assertTrue(get(server, answers).body().contains("error-summary"), "with its errors");
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> get(FormsServer server, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(FormsServer server, String path, String body) throws Exception {
        String origin = "http://127.0.0.1:" + server.port();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code ./polisi build ARGS} in its own process, as the launcher runs it, over the content in {@code root}. */
    private static void build(Path project, Path root, String... arguments) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss4m",
                "-Dpolisi.root=" + root, "-cp", project.resolve("site/target/classes") + File.pathSeparator
                        + project.resolve("site/target/lib").resolve("*"), "org.polisi.site.cli.PolisiCli", "build"));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(root, "build", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the build finished");
        assertEquals(0, process.exitValue(), Files.readString(log));
    }
}
