package org.polisi.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.alerts.AlertDelivery;
import org.polisi.forms.config.ConfigLoader;
import org.polisi.forms.config.ServerConfig;
import java.util.concurrent.ConcurrentHashMap;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.staff.AccountService;
import org.polisi.forms.staff.PasswordHasher;
import org.polisi.forms.staff.SecondFactor;

/**
 * The real server on a free port, with the fixture site and manifests and a fresh SQLite file in a
 * temporary folder, and a small HTTP client that keeps cookies like a browser.
 */
public final class TestServer implements AutoCloseable {

    /** Every test account's password: one {@link org.polisi.forms.staff.PasswordPolicy} accepts. */
    public static final String PASSWORD = "heulwen ar draeth y barri";

    private final FormsServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    public final Path database;
    private final Clock clock;
    private final ManifestCatalog manifests;
    private final Map<String, SecondFactorDevice> devices = new ConcurrentHashMap<>();
    private org.polisi.forms.config.SealingKey sealingKey;

    private TestServer(FormsServer server, Path database, Clock clock, ManifestCatalog manifests) {
        this.server = server;
        this.database = database;
        this.clock = clock;
        this.manifests = manifests;
    }

    /** The fixture folder: on disk when the tests run from this module, extracted once when read from its test jar. */
    public static Path fixture() {
        try {
            java.net.URI uri = TestServer.class.getResource("/fixture").toURI();
            return "jar".equals(uri.getScheme()) ? FixtureFromJar.folder(uri) : Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Another module's tests (bench/forms-bench) read the fixture from this module's test jar under
     * {@code mvn verify}; the server wants real folders, so the jar's fixture is copied out once.
     */
    private static final class FixtureFromJar {
        private static Path copied;

        static synchronized Path folder(java.net.URI uri) {
            if (copied != null) {
                return copied;
            }
            try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, java.util.Map.of())) {
                Path source = jar.getPath("/fixture");
                Path target = java.nio.file.Files.createTempDirectory("polisi-fixture");
                try (java.util.stream.Stream<Path> paths = java.nio.file.Files.walk(source)) {
                    for (Path each : (Iterable<Path>) paths::iterator) {
                        Path to = target.resolve(source.relativize(each).toString());
                        if (java.nio.file.Files.isDirectory(each)) {
                            java.nio.file.Files.createDirectories(to);
                        } else {
                            java.nio.file.Files.copy(each, to);
                        }
                    }
                }
                copied = target;
                return copied;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A copy of a fixture folder ({@code manifests}, {@code agreed-texts}) in {@code target}, for a test to change. */
    public static Path copyOfFixture(String name, Path target) {
        Path source = fixture().resolve(name);
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(source)) {
            for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                java.nio.file.Files.createDirectories(copy.getParent());
                java.nio.file.Files.copy(file, copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the fixture's " + name, e);
        }
        return target;
    }

    /** Settings for a test: free port, fixture site, generous rate limit; change with {@link ConfigLoader#set}. */
    public static ConfigLoader settings(Path temporaryFolder) {
        return ConfigLoader.defaults()
                .set("port", 0)
                .set("db", temporaryFolder.resolve("data/polisi.db"))
                .set("site-dir", fixture().resolve("site"))
                .set("manifest-dir", fixture().resolve("manifests"))
                .set("agreed-texts-dir", fixture().resolve("agreed-texts"))
                .set("rate-limit.submissions", 1000)
                .set("rate-limit.logins", 1000);
    }

    /**
     * As {@link #settings(Path)}, on a fresh database of the kind: for PostgreSQL a new database in the
     * test cluster (skipped or failed as {@link TestDatabases} says), the keys and checkpoint log in the folder.
     */
    public static ConfigLoader settings(Path temporaryFolder, TestDatabases.Kind kind) {
        ConfigLoader settings = settings(temporaryFolder);
        if (kind == TestDatabases.Kind.POSTGRESQL) {
            onDatabase(settings, TestDatabases.postgresql(), temporaryFolder);
        }
        return settings;
    }

    /** Points the settings at a PostgreSQL database, with the server's own files in {@code folder/data}. */
    public static ConfigLoader onDatabase(ConfigLoader settings, org.polisi.forms.config.DatabaseAddress database,
                                          Path folder) {
        Path data = folder.resolve("data");
        return settings.set("db", database.jdbcUrl()).set("db-user", database.user())
                .set("secret-key-file", data.resolve("secret.key"))
                .set("checkpoint.log-file", data.resolve("checkpoints/checkpoints.log"))
                .set("checkpoint.key-file", data.resolve("keys/checkpoint-ed25519.key"))
                .set("second-factor.key-file", data.resolve("keys/second-factor-aes.key"));
    }

    public static TestServer start(Path temporaryFolder) {
        return start(settings(temporaryFolder).load(), Clock.systemUTC());
    }

    /** A server on a fresh database of the kind ({@link TestDatabases}). */
    public static TestServer start(Path temporaryFolder, TestDatabases.Kind kind) {
        return start(settings(temporaryFolder, kind).load(), Clock.systemUTC());
    }

    public static TestServer start(ServerConfig config, Clock clock) {
        TestServer started = new TestServer(FormsServer.create(config, clock).start(), config.database().file(), clock,
                new ManifestCatalog(config.manifestDir()));
        started.sealingKey = org.polisi.forms.config.SealingKey.load(config.secondFactorKeyFile(), false);
        return started;
    }

    /** The key that seals this server's second-factor secrets (read from its file, as the server did). */
    public org.polisi.forms.config.SealingKey sealingKey() {
        return sealingKey;
    }

    /** Second factors over this server's database and key: for a test to compute codes or enrol. */
    public SecondFactor secondFactor() {
        return new SecondFactor(jdbi(), clock, manifests, sealingKey);
    }

    public Jdbi jdbi() {
        return server.jdbi();
    }

    /** The server's checkpoints, to take one now. */
    public org.polisi.forms.checkpoint.Checkpointer checkpoints() {
        return server.checkpoints();
    }

    /** The server's route table and the staff area gating each route. */
    public org.polisi.forms.web.Routes routes() {
        return server.routes();
    }

    /** The outbox's e-mail delivery, to run a round now. */
    public AlertDelivery alerts() {
        return server.alerts();
    }

    /** The number a {@code SELECT count(*)} gives. */
    /** The erasure service over this server's database and manifests (its own ledger writer, as the command line has). */
    public org.polisi.forms.retention.ErasureService erasure() {
        return new org.polisi.forms.retention.ErasureService(jdbi(),
                new org.polisi.forms.storage.SubmissionLedger(jdbi()), manifests);
    }

    /** The school's forms as this server's manifests define them (none for a school it has no manifest for). */
    public java.util.List<org.polisi.contract.FormDefinition> forms(String school) {
        return manifests.school(school).map(org.polisi.contract.Manifest::forms).orElse(java.util.List.of());
    }

    public int count(String sql) {
        return jdbi().withHandle(handle -> handle.createQuery(sql).mapTo(Integer.class).one());
    }

    public String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    public String origin() {
        return "http://localhost:" + server.port();
    }

    public Browser browser() {
        return new Browser();
    }

    /**
     * Adds an account with {@link #PASSWORD} and a second factor, as every real account that reads
     * incidents must have: {@link Browser#login} answers the code page from it, so a test logs in
     * with e-mail and password alone, whatever its role.
     */
    public long addStaff(String school, String name, String email, String role) {
        return addStaff(school, name, email, role, PASSWORD);
    }

    /** Staff accounts over this server's database and the fixture's manifests, as the command line changes them. */
    public AccountService accounts() {
        return new AccountService(jdbi(), new PasswordHasher(), Clock.systemUTC(), manifests);
    }

    /** The id of the membership of {@code email} at {@code school} ({@code staff_user.id}), or -1 when it has none. */
    public long membershipId(String email, String school) {
        return jdbi().withExtension(org.polisi.forms.staff.StaffUserDao.class, users -> users.findMembership(school, email))
                .map(org.polisi.forms.staff.StaffUser::id).orElse(-1L);
    }

    /** The account made with {@link #addStaff}, as the server reads it: for asking a service what it may do. */
    public org.polisi.forms.staff.StaffUser staffUser(String email) {
        return jdbi().withExtension(org.polisi.forms.staff.StaffUserDao.class, users -> users.findByEmail(email))
                .orElseThrow(() -> new AssertionError("no staff account " + email));
    }

    /** The decisions of what staff may read ({@link org.polisi.forms.staff.StaffRecords}) over this server's database and the fixture's manifests. */
    public org.polisi.forms.staff.StaffRecords staffRecords() {
        return new org.polisi.forms.staff.StaffRecords(jdbi(), new ManifestCatalog(fixture().resolve("manifests")),
                Clock.systemUTC());
    }

    /** A browser logged in (through the login page, and its second factor) to an account made with {@link #addStaff}. */
    public Browser loggedIn(String email) {
        Browser browser = new Browser();
        HttpResponse<String> response = browser.login(email, PASSWORD);
        if (response.statusCode() != 303) {
            throw new AssertionError("login as " + email + " gave " + response.statusCode());
        }
        return browser;
    }

    /** An account with a password of the test's choosing, and a second factor (log in with {@link Browser#login}). */
    public long addStaff(String school, String name, String email, String role, String password) {
        long id = addStaffWithoutSecondFactor(school, name, email, role, password);
        SecondFactor secondFactor = secondFactor();
        long person = staffUser(email).personId();
        if (devices.containsKey(email.toLowerCase(java.util.Locale.ROOT)) && secondFactor.enrolled(person)) {
            return id;   // a membership at another school of a person who has their second factor (docs/adr/0080)
        }
        String secret = secondFactor.newSecret();
        long previousStep = Math.floorDiv(clock.instant().getEpochSecond(), 30) - 1;
        List<String> recovery = secondFactor.enrol(person, secret, secondFactor.codeFor(secret, previousStep))
                .orElseThrow(() -> new AssertionError("enrolment refused its own code"));
        devices.put(email.toLowerCase(java.util.Locale.ROOT), new SecondFactorDevice(secondFactor, secret,
                new java.util.concurrent.atomic.AtomicLong(previousStep), new java.util.concurrent.ConcurrentLinkedDeque<>(recovery)));
        return id;
    }

    /** An account with {@link #PASSWORD} only (a test of the second factor's set-up, or of a role that may go without). */
    public long addStaffWithoutSecondFactor(String school, String name, String email, String role) {
        return addStaffWithoutSecondFactor(school, name, email, role, PASSWORD);
    }

    private long addStaffWithoutSecondFactor(String school, String name, String email, String role, String password) {
        return new AccountService(jdbi(), new PasswordHasher(), Clock.systemUTC(), manifests)
                .add(school, name, email, role, password);
    }

    /**
     * After {@code user change-email}: the authenticator app the test holds for the person is found
     * under their new address (the second factor is the person's, not the address's).
     */
    public void addressChanged(String from, String to) {
        devices.put(to.toLowerCase(java.util.Locale.ROOT), devices.remove(from.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The account's authenticator app, as the test holds it. */
    private record SecondFactorDevice(SecondFactor secondFactor, String secret,
                                      java.util.concurrent.atomic.AtomicLong lastStep,
                                      java.util.Deque<String> recovery) {
    }

    /**
     * A code the server will accept now for an account made by {@link #addStaff}: the app's code for
     * the next time step not yet used (the server refuses a step twice), or once the steps in reach
     * are spent, a recovery code; null for an account without a second factor.
     */
    public String secondFactorCode(String email) {
        SecondFactorDevice device = devices.get(email.toLowerCase(java.util.Locale.ROOT));
        if (device == null) {
            return null;
        }
        synchronized (device) {
            long now = Math.floorDiv(clock.instant().getEpochSecond(), 30);
            long step = Math.max(device.lastStep().get() + 1, now - 1);
            if (step <= now + 1) {
                device.lastStep().set(step);
                return device.secondFactor().codeFor(device.secret(), step);
            }
            String recovery = device.recovery().poll();
            if (recovery == null) {
                throw new AssertionError("the test used every code of " + email + " within a minute");
            }
            return recovery;
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    /** url-encodes name/value pairs: {@code form("a", "1", "b", "2")}. */
    public static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /** A client with a cookie jar, sending the server's own Origin on POSTs as a browser would. */
    public final class Browser {
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private String csrfToken;

        public HttpResponse<String> get(String path, String... headers) {
            return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), headers);
        }

        /** A HEAD request with this browser's cookies: the GET's status and headers, no body. */
        public HttpResponse<String> head(String path, String... headers) {
            return send(HttpRequest.newBuilder(URI.create(url(path))).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                    headers);
        }

        public HttpResponse<String> post(String path, String body, String... headers) {
            List<String> all = new ArrayList<>(List.of("Content-Type", "application/x-www-form-urlencoded",
                    "Origin", origin()));
            all.addAll(java.util.Arrays.asList(headers));
            return send(HttpRequest.newBuilder(URI.create(url(path)))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), all.toArray(String[]::new));
        }

        /** A POST of raw bytes with its own Content-Type (a multipart upload), from this server's origin. */
        public HttpResponse<String> postBytes(String path, byte[] body, String contentType) {
            return send(HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                    "Content-Type", contentType, "Origin", origin());
        }

        /**
         * A form post as a browser follows it: when the server answers 303 to a page of the form's draft
         * (errors to correct, "add another", answers to check, a withdrawal's statements; docs/adr/0052), that page is fetched.
         */
        public HttpResponse<String> postAndFollow(String path, String body) {
            HttpResponse<String> response = post(path, body);
            String location = response.headers().firstValue("Location").orElse("");
            if (response.statusCode() == 303 && location.matches("/forms/[^/]+/[^/]+/(answers|check|statements)/.*")) {
                return get(location);
            }
            return response;
        }

        /**
         * A consent or agreement form sent as a person does: posted with {@code check-answers} from the
         * form's page, then "Send" on the check-your-answers page. Returns the answer to "Send" (303 to
         * the receipt), or the first answer when there was nothing to check.
         */
        public HttpResponse<String> sendChecked(String path, String body) {
            HttpResponse<String> response = post(path, body + "&check-answers=yes");
            String location = response.headers().firstValue("Location").orElse("");
            if (response.statusCode() == 303 && location.matches("/forms/[^/]+/[^/]+/check/.*")) {
                return post(location, "lang=en");
            }
            return response;
        }

        public HttpResponse<String> postJson(String path, String json) {
            return post(path, json, "Content-Type", "application/json");
        }

        /**
         * Logs in through the login page, answering the second-factor page with the account's next
         * code ({@link #secondFactorCode}); afterwards {@link #csrf()} is the session's token. Returns
         * the last answer: 303 when signed in, else the refusal.
         */
        public HttpResponse<String> login(String email, String password) {
            HttpResponse<String> page = get("/staff/login");
            String token = hiddenValue(page.body(), "csrf-token");
            HttpResponse<String> response = post("/staff/login", form("csrf-token", token, "email", email,
                    "password", password));
            if (response.statusCode() == 200 && response.body().contains("action=\"/staff/login/code")) {
                response = post("/staff/login/code", form("csrf-token", hiddenValue(response.body(), "csrf-token"),
                        "code", String.valueOf(secondFactorCode(email))));
            }
            return signedIn(response);
        }

        /**
         * Logs in as {@link #login} does, for a person with memberships at several schools
         * (docs/adr/0080): answers "Which school?" with the membership at {@code school}. Returns
         * the last answer: 303 when signed in, else the refusal (or the choice page, when it was
         * refused or not asked).
         */
        public HttpResponse<String> login(String email, String password, String school) {
            HttpResponse<String> response = login(email, password);
            if (response.statusCode() == 200 && response.body().contains("action=\"/staff/login/school")) {
                response = chooseSchool(response, String.valueOf(membershipId(email, school)));
            }
            return response;
        }

        /**
         * Posts {@code value} as the school chosen on the choice page {@code choicePage} (as sent,
         * unchecked); once signed in, {@link #csrf()} is the session's token.
         */
        public HttpResponse<String> chooseSchool(HttpResponse<String> choicePage, String value) {
            org.jsoup.nodes.Element choice = org.jsoup.Jsoup.parse(choicePage.body()).selectFirst("main form[method=post]");
            return signedIn(post(choice.attr("action"), form("csrf-token", hiddenValue(choicePage.body(), "csrf-token"),
                    "school", value)));
        }

        /** Changes school while signed in ({@code /staff/school}), the session's token with it; the answer as sent. */
        public HttpResponse<String> switchSchool(String email, String school) {
            HttpResponse<String> response = post("/staff/school", form("csrf-token", csrfToken,
                    "school", String.valueOf(membershipId(email, school))));
            return signedIn(response);
        }

        /**
         * Logs in as a browser does from a sign-in page it was sent to ({@code /staff/login?...}):
         * posting each step's form to the address its {@code action} names. Returns the last answer,
         * whose {@code Location} is where the browser goes next.
         */
        public HttpResponse<String> loginFrom(String signInPage, String email, String password) {
            HttpResponse<String> page = get(signInPage);
            org.jsoup.nodes.Element signIn = org.jsoup.Jsoup.parse(page.body()).selectFirst("main form[method=post]");
            HttpResponse<String> response = post(signIn.attr("action"), form("csrf-token",
                    hiddenValue(page.body(), "csrf-token"), "email", email, "password", password));
            if (response.statusCode() == 200 && response.body().contains("action=\"/staff/login/code")) {
                org.jsoup.nodes.Element code = org.jsoup.Jsoup.parse(response.body()).selectFirst("main form[method=post]");
                response = post(code.attr("action"), form("csrf-token", hiddenValue(response.body(), "csrf-token"),
                        "code", String.valueOf(secondFactorCode(email))));
            }
            return signedIn(response);
        }

        /**
         * The sign-in's first step alone (a test of what each step answers): posts the e-mail address
         * and password from a fresh sign-in page. Returns the answer: the code page (200) for an
         * account with a second factor, 303 when signed in, else the refusal.
         */
        public HttpResponse<String> passwordStep(String email, String password) {
            String token = hiddenValue(get("/staff/login").body(), "csrf-token");
            return post("/staff/login", form("csrf-token", token, "email", email, "password", password));
        }

        /** The second step alone: posts {@code code} to the code page {@link #passwordStep} answered. */
        public HttpResponse<String> codeStep(HttpResponse<String> codePage, String code) {
            return post("/staff/login/code", form("csrf-token", hiddenValue(codePage.body(), "csrf-token"), "code", code));
        }

        /** After a sign-in's last step: on success, the session's anti-forgery token from the page it leads to. */
        private HttpResponse<String> signedIn(HttpResponse<String> response) {
            if (response.statusCode() == 303) {
                String landing = response.headers().firstValue("Location").orElse("/staff/");
                HttpResponse<String> dashboard = get(landing.startsWith("/staff/account") ? "/staff/account" : "/staff/");
                if (dashboard.statusCode() != 200) {
                    throw new AssertionError("after login /staff/ gave " + dashboard.statusCode() + " "
                            + dashboard.headers().map() + " cookies " + cookies);
                }
                csrfToken = hiddenValue(dashboard.body(), "csrf-token");
            }
            return response;
        }

        public String csrf() {
            return csrfToken;
        }

        /** Sets a cookie as if a server (or an attacker: session fixation) had set it. */
        public void setCookie(String name, String value) {
            cookies.put(name, value);
        }

        /** The value of a cookie this browser holds, or null. */
        public String cookie(String name) {
            return cookies.get(name);
        }

        /**
         * This browser (its cookies and token) pointed at another server on the same host: the same
         * server after a restart, or another instance behind a load balancer.
         */
        public Browser to(TestServer other) {
            Browser moved = other.new Browser();
            moved.cookies.putAll(cookies);
            moved.csrfToken = csrfToken;
            return moved;
        }

        private HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
            Map<String, String> merged = new LinkedHashMap<>();
            for (int i = 0; i < headers.length; i += 2) {
                merged.put(headers[i], headers[i + 1]);
            }
            merged.forEach((name, value) -> {
                if (value != null) {
                    request.header(name, value);
                }
            });
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
            }
            try {
                HttpResponse<String> response = http.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                for (String setCookie : response.headers().allValues("Set-Cookie")) {
                    String pair = setCookie.split(";", 2)[0];
                    String name = pair.substring(0, pair.indexOf('='));
                    String value = pair.substring(pair.indexOf('=') + 1);
                    if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
                return response;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public static String hiddenValue(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no hidden field " + name + " in page");
        }
        return matcher.group(1);
    }
}
