package org.polisi.site.publish;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.polisi.site.BuildResult;
import org.polisi.site.FixtureTree;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every published file and folder has the mode the umask gives a new one, so that the web server
 * of docs/deploy.md, running as another user, can read them (tester 3's fault 13: every PDF was
 * 0600, written through {@code Files.createTempFile}, and nginx answered 403). One real build of the
 * good fixture, PDFs included; then, where nginx is installed and the tests run as root, the
 * guide's own nginx snippet serving that output with its workers as {@code nobody}.
 */
class PublishedModesTest {
    private static Path folder;
    private static FixtureTree tree;

    @BeforeAll
    static void build() throws IOException {
        folder = Files.createTempDirectory("published-modes");
        tree = FixtureTree.copyOf("good", folder);
        BuildResult result = tree.build();
        assertTrue(result.published(), () -> "build failed: " + result.problems());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        org.polisi.site.render.FileTrees.deleteRecursively(folder);
    }

    @Test
    void everyPublishedFileAndFolderHasTheModeTheUmaskGivesANewOne() throws IOException {
        Path probe = Files.createTempDirectory(folder, "probe");
        Set<PosixFilePermission> fileMode = Files.getPosixFilePermissions(Files.createFile(probe.resolve("file")));
        Set<PosixFilePermission> folderMode = Files.getPosixFilePermissions(Files.createDirectory(probe.resolve("folder")));
        List<String> wrong = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(tree.published(""))) {
            for (Path path : paths.toList()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
                Set<PosixFilePermission> expected = Files.isDirectory(path) ? folderMode : fileMode;
                if (!mode.equals(expected)) {
                    wrong.add(tree.published("").relativize(path) + " " + PosixFilePermissions.toString(mode));
                }
                String name = path.getFileName().toString();
                kinds.add(name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "");
            }
        }
        assertEquals(List.of(), wrong, "expected files " + PosixFilePermissions.toString(fileMode) + ", folders "
                + PosixFilePermissions.toString(folderMode));
        assertTrue(kinds.containsAll(List.of("html", "pdf", "css", "xml")), "every kind of file was looked at: " + Set.copyOf(kinds));
        if (PosixFilePermissions.toString(fileMode).equals("rw-r--r--")) {   // umask 022, as tester 3 had
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    tree.published("adopter/en/policy.pdf"))));
        }
    }

    /** The guide's nginx serves a page and its PDF, its workers running as another user (nobody). */
    @Test
    void theGuidesNginxServesEveryPdfAsAnotherUser() throws Exception {
        Path nginx = Path.of("/usr/sbin/nginx");
        Assumptions.assumeTrue(Files.isExecutable(nginx), "nginx is not installed");
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "nginx can change user only when started by root");
        Path published = tree.published("").toAbsolutePath();
        for (Path up = published; up != null && up.startsWith(folder); up = up.getParent()) {
            Files.setPosixFilePermissions(up, PosixFilePermissions.fromString("rwxr-xr-x"));   // the temp folder is 0700
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String site = snippet("nginx-cluster");
        site = site.replace("listen 443 ssl;", "listen 127.0.0.1:" + port + ";")
                .replaceAll("(?m)^\\s*ssl_certificate.*$", "")
                .replace("/srv/polisi/site/target/public", published.toString());
        Path prefix = Files.createDirectories(folder.resolve("nginx"));
        Files.writeString(prefix.resolve("nginx.conf"), "user nobody nogroup;\nworker_processes 1;\npid "
                + prefix.resolve("nginx.pid") + ";\nerror_log " + prefix.resolve("error.log") + ";\nevents {}\nhttp {\naccess_log off;\n"
                + site + "}\n");
        Process proxy = new ProcessBuilder(nginx.toString(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(prefix.resolve("out.log").toFile()).start();
        try {
            awaitPort(port, proxy, prefix);
            HttpClient client = HttpClient.newHttpClient();
            for (String path : List.of("/adopter/en/policy.html", "/adopter/en/policy.pdf", "/adopter/cy/appendix-a-agreement.pdf",
                    "/solo/en/policy.pdf")) {
                HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, answer.statusCode(), path + ": " + (Files.exists(prefix.resolve("error.log"))
                        ? Files.readString(prefix.resolve("error.log")) : ""));
                assertTrue(answer.body().length > 0, path);
                // tester 4's fault 8: nginx sends the same Content-Security-Policy as ./polisi serve (DeploySnippetsTest compares all)
                assertTrue(answer.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"),
                        path + ": " + answer.headers().map());
            }
        } finally {
            proxy.destroy();
            proxy.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String snippet(String name) throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "deploy.md"), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- snippet: " + Pattern.quote(name) + "[ (][^\\n]*\\n```[a-z]*\\n(.*?)```",
                Pattern.DOTALL).matcher(guide);
        assertTrue(block.find(), "docs/deploy.md has the snippet " + name);
        return block.group(1);
    }

    private static void awaitPort(int port, Process proxy, Path prefix) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (!proxy.isAlive()) {
                throw new AssertionError("nginx stopped: " + Files.readString(prefix.resolve("out.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not listen on " + port);
    }
}
