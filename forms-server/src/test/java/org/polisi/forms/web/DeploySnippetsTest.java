package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polisi.forms.Submissions.agreement;
import static org.polisi.forms.Submissions.with;
import static org.polisi.forms.TestServer.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;
import org.polisi.forms.config.ConfigLoader;
import org.polisi.forms.config.ServerConfig;

/**
 * Issue 16: every configuration snippet of docs/deploy.md does what the guide says. The properties
 * and environment snippets are loaded as the server loads them; the nginx snippet runs in a real
 * nginx (with a throwaway certificate) in front of a real server, and a client on another loopback
 * address (127.0.0.2) that writes its own X-Forwarded-For is still counted as itself by the rate limit.
 * Without nginx or openssl the nginx part is skipped with one line (a failure under
 * {@code -Dpolisi.nginx.required=true}, as in CI).
 */
class DeploySnippetsTest {

    private static final Path GUIDE = Path.of("..", "docs", "deploy.md");

    /** The fenced block after {@code <!-- snippet: NAME}. */
    static String snippet(String name) throws IOException {
        String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- snippet: " + Pattern.quote(name) + "[ (][^\\n]*\\n```[a-z]*\\n(.*?)```",
                Pattern.DOTALL).matcher(guide);
        assertTrue(block.find(), "docs/deploy.md has the snippet " + name);
        return block.group(1);
    }

    private static Path written(Path folder, String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void theAuthoritySettingsAndEnvironmentLoadAsTheGuideSays(@TempDir Path folder) throws IOException {
        Path passwordFile = written(folder, "db-password", "correct horse battery staple\n");
        Map<String, String> environment = new HashMap<>();
        for (String line : snippet("environment-authority").strip().split("\n")) {
            String[] pair = line.split("=", 2);
            environment.put(pair[0], pair[1].startsWith("/run/") ? passwordFile.toString() : pair[1]);
        }
        ServerConfig config = ConfigLoader.defaults().file(written(folder, "authority.properties",
                snippet("properties-authority"))).environment(environment).load();
        assertTrue(config.database().isPostgresql());
        assertEquals("polisi", config.database().user());
        assertEquals("correct horse battery staple", config.database().password());
        assertEquals(5, config.submissionsPerWindow(), "10 for the service, half on each of 2 instances");
        assertEquals(10, config.loginsPerWindow(), "20 for the service, half on each of 2 instances");
        assertEquals(List.of("10.20.0.0/24"), config.trustedProxies());
        assertTrue(config.listensEverywhere(), "a load balancer on another machine reaches each instance");
        assertEquals(2, config.allowedOrigins().size());
        assertTrue(config.secureCookies());
    }

    @Test
    void theClusterSnippetsRunInARealNginxInFrontOfARealServer(@TempDir Path folder) throws Exception {
        String nginx = onPath("nginx", "/usr/sbin/nginx");
        String openssl = onPath("openssl", "/usr/bin/openssl");
        ConfigLoader settings = TestServer.settings(folder).file(written(folder, "cluster.properties",
                snippet("properties-cluster")));
        ServerConfig fromGuide = settings.load();
        assertTrue(fromGuide.secureCookies());
        assertEquals(List.of("127.0.0.1", "::1"), fromGuide.trustedProxies());
        assertEquals("127.0.0.1", fromGuide.host(), "behind nginx on the same machine: this machine only");
        ServerConfig config = settings.set("port", 0).set("site-dir", TestServer.fixture().resolve("site"))
                .set("manifest-dir", TestServer.fixture().resolve("manifests")).set("rate-limit.submissions", 2).load();

        Path tls = Files.createDirectories(folder.resolve("tls"));
        run(List.of(openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-keyout", tls.resolve("key.pem").toString(), "-out", tls.resolve("cert.pem").toString()));
        try (TestServer server = TestServer.start(config, Clock.systemUTC())) {
            int port = freePort();
            String site = snippet("nginx-cluster");
            site = replaced(site, "listen 443 ssl;", "listen 127.0.0.1:" + port + " ssl;");
            site = replaced(site, "/etc/letsencrypt/live/forms.example.org/fullchain.pem", tls.resolve("cert.pem").toString());
            site = replaced(site, "/etc/letsencrypt/live/forms.example.org/privkey.pem", tls.resolve("key.pem").toString());
            site = replaced(site, "/srv/polisi/site/target/public", TestServer.fixture().resolve("site").toAbsolutePath().toString());
            site = replaced(site, "127.0.0.1:7070", "127.0.0.1:" + server.port());
            Path prefix = Files.createDirectories(folder.resolve("nginx"));
            Files.writeString(prefix.resolve("nginx.conf"), "worker_processes 1;\npid " + prefix.resolve("nginx.pid")
                    + ";\nerror_log " + prefix.resolve("error.log") + ";\nevents {}\nhttp {\naccess_log off;\n" + site + "}\n");
            Process proxy = new ProcessBuilder(nginx, "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(),
                    "-g", "daemon off;").redirectErrorStream(true).redirectOutput(prefix.resolve("out.log").toFile()).start();
            try {
                awaitPort(port, proxy, prefix);
                SSLContext context = trusting(tls.resolve("cert.pem"));
                assertEquals(303, post(context, port, "127.0.0.2", 1, "198.51.100.1"));
                assertEquals(303, post(context, port, "127.0.0.2", 2, "198.51.100.2"));
                assertEquals(429, post(context, port, "127.0.0.2", 3, "198.51.100.3"),
                        "one client at 127.0.0.2, whatever it writes into X-Forwarded-For");
                assertEquals(303, post(context, port, "127.0.0.3", 4, "127.0.0.2"), "another client is counted apart");

                String page = exchange(context, port, "127.0.0.3", "GET / HTTP/1.1\r\nHost: localhost:" + port
                        + "\r\nConnection: close\r\n\r\n");
                assertTrue(page.startsWith("HTTP/1.1 200"), "nginx serves the static sites itself: " + page);
                // tester 4's fault 8: the static pages nginx serves carry the security headers ./polisi serve sends
                Map<String, String> fromServer = new HashMap<>();
                new SecurityHeaders(true).apply("/index.html", fromServer::put);
                assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, fromServer.get("Content-Security-Policy"));
                java.net.http.HttpResponse<String> direct = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, direct.statusCode());
                fromServer.forEach((name, value) -> {
                    if (!name.equals("Strict-Transport-Security")) {
                        assertEquals(value, direct.headers().firstValue(name).orElse(null), "./polisi serve sends " + name);
                    }
                });
                String missing = exchange(context, port, "127.0.0.3", "GET /no-such-page.html HTTP/1.1\r\nHost: localhost:" + port
                        + "\r\nConnection: close\r\n\r\n");
                assertTrue(missing.startsWith("HTTP/1.1 404"), missing);
                for (String answer : List.of(page, missing)) {
                    Map<String, String> fromNginx = headers(answer);
                    fromServer.forEach((name, value) -> assertEquals(value, fromNginx.get(name.toLowerCase(java.util.Locale.ROOT)),
                            "nginx sends the server's " + name + " with the static pages: " + answer.lines().limit(20).toList()));
                }
                // tester 5's fault 2: an SVG opened on its own runs sandboxed and fetches nothing, from nginx as from ./polisi serve
                Map<String, String> svgFromServer = new HashMap<>();
                new SecurityHeaders(true).apply("/assets/crest.svg", svgFromServer::put);
                assertEquals(SecurityHeaders.SVG_CONTENT_SECURITY_POLICY, svgFromServer.get("Content-Security-Policy"));
                assertTrue(SecurityHeaders.SVG_CONTENT_SECURITY_POLICY.contains("sandbox")
                        && SecurityHeaders.SVG_CONTENT_SECURITY_POLICY.contains("default-src 'none'"));
                java.net.http.HttpResponse<String> svgDirect = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/assets/crest.svg")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, svgDirect.statusCode());
                assertEquals(SecurityHeaders.SVG_CONTENT_SECURITY_POLICY, svgDirect.headers().firstValue("Content-Security-Policy").orElse(null));
                String svg = exchange(context, port, "127.0.0.3", "GET /assets/crest.svg HTTP/1.1\r\nHost: localhost:" + port
                        + "\r\nConnection: close\r\n\r\n");
                assertTrue(svg.startsWith("HTTP/1.1 200") && svg.contains("<title>A crest</title>"), svg);
                Map<String, String> svgFromNginx = headers(svg);
                svgFromServer.forEach((name, value) -> assertEquals(value, svgFromNginx.get(name.toLowerCase(java.util.Locale.ROOT)),
                        "nginx sends the server's " + name + " with an SVG: " + svg.lines().limit(20).toList()));
                String login = exchange(context, port, "127.0.0.3", "GET /staff/login HTTP/1.1\r\nHost: localhost:" + port
                        + "\r\nConnection: close\r\n\r\n");
                assertTrue(login.startsWith("HTTP/1.1 200") && login.contains("Strict-Transport-Security"),
                        "the staff pages come through, over HTTPS: " + login.lines().limit(15).toList());
            } finally {
                proxy.destroy();
                proxy.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The header fields of a raw HTTP answer, by lower-case name (one value each: the first). */
    private static Map<String, String> headers(String answer) {
        Map<String, String> headers = new HashMap<>();
        for (String line : answer.split("\r\n\r\n", 2)[0].split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private static String onPath(String tool, String usual) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":" + Path.of(usual).getParent()).split(":")) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool).toString();
            }
        }
        if (Boolean.getBoolean("polisi.nginx.required")) { // CI: the guide's snippet must really run
            throw new AssertionError(tool + " is required (-Dpolisi.nginx.required=true) but not installed");
        }
        System.out.println("Skipping the nginx snippet test: " + tool + " is not installed");
        Assumptions.abort(tool + " is not installed");
        return null;
    }

    private static String replaced(String text, String from, String to) {
        assertTrue(text.contains(from), "the snippet still has " + from);
        return text.replace(from, to);
    }

    private static int post(SSLContext context, int port, String from, int i, String forwardedFor) throws IOException {
        String body = form(with(agreement("en"), "parent-name", "Parent " + i));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String answer = exchange(context, port, from, "POST /forms/testschool/parent-agreement HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\nOrigin: https://localhost:" + port + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length + "\r\n"
                + "X-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n" + body);
        return Integer.parseInt(answer.substring(9, 12));
    }

    /** One request over TLS from the loopback address {@code from}; the whole answer. */
    private static String exchange(SSLContext context, int port, String from, String request) throws IOException {
        try (Socket socket = context.getSocketFactory().createSocket(InetAddress.getByName("127.0.0.1"), port,
                InetAddress.getByName(from), 0)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("throwaway", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process proxy, Path prefix) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (!proxy.isAlive()) {
                throw new AssertionError("nginx stopped: " + Files.readString(prefix.resolve("out.log"))
                        + (Files.exists(prefix.resolve("error.log")) ? Files.readString(prefix.resolve("error.log")) : ""));
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
