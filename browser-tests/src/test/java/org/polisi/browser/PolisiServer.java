package org.polisi.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.polisi.forms.FormsServer;
import org.polisi.forms.config.ConfigLoader;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.staff.AccountService;
import org.polisi.forms.staff.PasswordHasher;
import org.polisi.forms.staff.SecondFactor;

/** The real forms server on a free port, serving the baked sites, with a fresh SQLite file in a temporary folder. */
public final class PolisiServer implements AutoCloseable {

    /** Every test account's password: one the server's password checks accept. */
    public static final String PASSWORD = "heulwen ar draeth y barri";

    private final FormsServer server;
    private final Path folder;
    private final Path database;
    private final ManifestCatalog manifests;
    private final org.polisi.forms.config.SealingKey sealingKey;
    private final Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Long> lastSteps = new java.util.concurrent.ConcurrentHashMap<>();

    private PolisiServer(FormsServer server, Path folder, Path database, ManifestCatalog manifests,
                         org.polisi.forms.config.SealingKey sealingKey) {
        this.server = server;
        this.folder = folder;
        this.database = database;
        this.manifests = manifests;
        this.sealingKey = sealingKey;
    }

    public static PolisiServer start(BakedSites sites) {
        return start(sites.publicDir(), sites.manifestsDir(), sites.agreedTextsDir());
    }

    /** As {@link #start(BakedSites)}, with some settings of the test's own (a mail server, say). */
    public static PolisiServer start(BakedSites sites, Map<String, Object> settings) {
        return start(sites.publicDir(), sites.manifestsDir(), sites.agreedTextsDir(), settings);
    }

    /** A server over a site baked elsewhere: its pages, manifests and archive of agreed texts. */
    public static PolisiServer start(Path publicDir, Path manifestsDir, Path agreedTextsDir) {
        return start(publicDir, manifestsDir, agreedTextsDir, Map.of());
    }

    private static PolisiServer start(Path publicDir, Path manifestsDir, Path agreedTextsDir,
                                      Map<String, Object> settings) {
        try {
            Path folder = Files.createTempDirectory("polisi-server-");
            Path database = folder.resolve("data/polisi.db");
            ConfigLoader config = ConfigLoader.defaults()
                    .set("port", 0)
                    .set("db", database)
                    .set("site-dir", publicDir)
                    .set("manifest-dir", manifestsDir)
                    .set("agreed-texts-dir", agreedTextsDir)
                    .set("second-factor.key-file", folder.resolve("data/keys/second-factor-aes.key"))
                    .set("rate-limit.submissions", 1000)
                    .set("rate-limit.logins", 1000);
            settings.forEach(config::set);
            org.polisi.forms.config.ServerConfig loaded = config.load();
            FormsServer server = FormsServer.create(loaded).start();
            // The key the server made at its first start: the test seals enrolled secrets with it, as the server does.
            return new PolisiServer(server, folder, database, new ManifestCatalog(manifestsDir),
                    org.polisi.forms.config.SealingKey.load(loaded.secondFactorKeyFile(), false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    public Path database() {
        return database;
    }

    /**
     * A staff account made the way {@code ./polisi forms user add} makes it, with its second factor
     * set up as at {@code /staff/account}; {@link #secondFactorCode} is what its authenticator app shows.
     */
    public void addStaff(String school, String name, String email, String role) {
        long id = addStaffWithoutSecondFactor(school, name, email, role);
        SecondFactor secondFactor = new SecondFactor(server.jdbi(), Clock.systemUTC(), manifests, sealingKey);
        // the second factor is the person's (docs/adr/0080): a membership at another school shares it
        long person = server.jdbi().withExtension(org.polisi.forms.staff.StaffUserDao.class,
                users -> users.findById(id)).orElseThrow().personId();
        if (secrets.containsKey(email) && secondFactor.enrolled(person)) {
            return;
        }
        String secret = secondFactor.newSecret();
        long previous = step() - 1;
        secondFactor.enrol(person, secret, secondFactor.codeFor(secret, previous)).orElseThrow();
        secrets.put(email, secret);
        lastSteps.put(email, previous);
    }

    /** An account with a password only, as {@code user add} leaves it before its first sign-in. */
    public long addStaffWithoutSecondFactor(String school, String name, String email, String role) {
        return new AccountService(server.jdbi(), new PasswordHasher(), Clock.systemUTC(), manifests)
                .add(school, name, email, role, PASSWORD);
    }

    /** The account's next unused code (the server accepts each 30-second step once, and the steps either side of now). */
    public synchronized String secondFactorCode(String email) {
        long step = Math.max(lastSteps.get(email) + 1, step() - 1);
        if (step > step() + 1) {
            throw new IllegalStateException("more than three sign-ins of " + email + " within a minute");
        }
        lastSteps.put(email, step);
        return codeFor(secrets.get(email), step);
    }

    /** The code for a key and a step, as an authenticator app computes it. */
    public String codeFor(String secret, long step) {
        return new SecondFactor(server.jdbi(), Clock.systemUTC(), manifests, sealingKey).codeFor(secret, step);
    }

    public static long step() {
        return Math.floorDiv(Clock.systemUTC().instant().getEpochSecond(), 30);
    }

    /** The stored submission with this reference, read straight from the SQLite file with plain JDBC. */
    public Optional<Map<String, String>> submission(String reference) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT school, form_id, form_kind, lang, urgent, fields_json FROM submission WHERE reference = ?")) {
            query.setString(1, reference);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Map<String, String> columns = new LinkedHashMap<>();
                for (String column : new String[] {"school", "form_id", "form_kind", "lang", "urgent", "fields_json"}) {
                    columns.put(column, row.getString(column));
                }
                return Optional.of(columns);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database, e);
        }
    }

    /**
     * The answer that stands now for each statement of the consent form with this reference, by
     * statement id: the consent's newest event per statement, read with plain JDBC.
     */
    public Map<String, String> currentConsents(String consentReference) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             PreparedStatement query = connection.prepareStatement("""
                     SELECT e.statement, e.answer FROM consent_event e JOIN submission s ON s.id = e.consent_submission
                     WHERE s.reference = ? ORDER BY e.id""")) {
            query.setString(1, consentReference);
            Map<String, String> current = new java.util.TreeMap<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    current.put(row.getString(1).substring(row.getString(1).indexOf('.') + 1), row.getString(2));
                }
            }
            return current;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database, e);
        }
    }

    @Override
    public void close() {
        server.stop();
        BakedSites.deleteQuietly(folder);
    }
}
