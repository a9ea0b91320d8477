package org.polisi.forms.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves the configuration in layers, each overriding the one before: the defaults embedded in
 * {@code polisi-forms-defaults.properties}, then the optional configuration file, then environment
 * variables ({@code POLISI_} + the key in upper case with dots and hyphens as underscores, so
 * {@code site-dir} is {@code POLISI_SITE_DIR}), then explicit overrides (command-line options).
 * So {@code serve} needs no file at all, and a school's operator changes one setting without
 * copying the rest.
 */
public final class ConfigLoader {

    private static final String DEFAULTS = "/polisi-forms-defaults.properties";

    private final Properties settings = new Properties();

    private ConfigLoader() {
    }

    /** The embedded defaults only. */
    public static ConfigLoader defaults() {
        ConfigLoader loader = new ConfigLoader();
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            loader.settings.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the embedded defaults", e);
        }
        return loader;
    }

    /** Layers a properties file (UTF-8) over what is there; a missing file is an error, not a silent default. */
    public ConfigLoader file(Path file) {
        if (file == null) {
            return this;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties fromFile = new Properties();
            fromFile.load(reader);
            fromFile.forEach((key, value) -> requireKnown((String) key, file.toString()));
            settings.putAll(fromFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file, e);
        }
        return this;
    }

    /** Layers environment variables named after the known keys. */
    public ConfigLoader environment(Map<String, String> environment) {
        for (String key : settings.stringPropertyNames()) {
            String value = environment.get(environmentName(key));
            if (value != null && !value.isBlank()) {
                settings.setProperty(key, value.strip());
            }
        }
        return this;
    }

    /** Sets one key (from a command-line option); null leaves the key as it is. */
    public ConfigLoader set(String key, Object value) {
        requireKnown(key, "override");
        if (value != null) {
            settings.setProperty(key, value.toString());
        }
        return this;
    }

    public static String environmentName(String key) {
        return "POLISI_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public ServerConfig load() {
        DatabaseAddress database = database();
        String secretKey = text("secret-key-file");
        Path dataFolder = database.dataFolder();
        Path secretKeyFile = secretKey.isBlank() ? dataFolder.resolve("secret.key") : Path.of(secretKey);
        return new ServerConfig(
                integer("port"),
                host(),
                database,
                path("site-dir"),
                path("manifest-dir"),
                path("agreed-texts-dir"),
                secretKeyFile,
                list("allowed-origins"),
                bool("secure-cookies"),
                trustedProxies(),
                integer("max-body-bytes"),
                perInstance("rate-limit.submissions"),
                perInstance("rate-limit.logins"),
                Duration.ofMinutes(integer("rate-limit.window-minutes")),
                Duration.ofMinutes(integer("duplicate-window-minutes")),
                Duration.ofMinutes(integer("session.idle-minutes")),
                Duration.ofMinutes(integer("session.absolute-minutes")),
                integer("login.failures-before-lockout"),
                Duration.ofMinutes(integer("login.lockout-minutes")),
                Duration.ofMinutes(integer("receipt.lifetime-minutes")),
                alertMail(),
                new RequestLimits(Duration.ofSeconds(integer("http.idle-timeout-seconds")),
                        integer("http.requests-per-client"),
                        integer("http.max-connections"),
                        Duration.ofSeconds(integer("http.header-timeout-seconds")),
                        integer("http.connections-per-client")),
                checkpoints(dataFolder),
                text("second-factor.key-file").isBlank() ? dataFolder.resolve("keys").resolve("second-factor-aes.key")
                        : Path.of(text("second-factor.key-file")));
    }

    /** {@code host}: the interface to listen on; never blank (a blank one would mean every interface unasked). */
    private String host() {
        String host = text("host");
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("host must be an address to listen on, such as 127.0.0.1 (this machine"
                    + " only, the default) or 0.0.0.0 (every interface), not '" + host + "'");
        }
        return host;
    }

    /**
     * {@code trusted-proxies}, or with {@code trust-proxy=true} and none listed, a proxy on the same
     * machine (127.0.0.1 and ::1).
     */
    private List<String> trustedProxies() {
        List<String> listed = list("trusted-proxies");
        return !listed.isEmpty() || !bool("trust-proxy") ? listed : List.of("127.0.0.1", "::1");
    }

    /**
     * A rate limit's share for one instance: the configured limit (for the whole service) divided by
     * {@code instances}, rounded up, at least 1. Each instance counts only what it receives, so a
     * balancer that spreads one client's posts evenly lets through about the configured limit.
     */
    private int perInstance(String key) {
        int instances = integer("instances");
        if (instances < 1) {
            throw new IllegalArgumentException("configuration key 'instances' must be at least 1");
        }
        return Math.max(1, (integer(key) + instances - 1) / instances);
    }

    /** {@code db}: a file is SQLite; a {@code jdbc:postgresql://} URL is PostgreSQL, its password from the environment or a file. */
    private DatabaseAddress database() {
        String db = text("db");
        if (!db.startsWith("jdbc:")) {
            return DatabaseAddress.sqlite(Path.of(db));
        }
        String password = text("db-password");
        String passwordFile = text("db-password-file");
        if (password.isEmpty() && !passwordFile.isEmpty()) {
            try {
                password = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the database password file " + passwordFile, e);
            }
        }
        return DatabaseAddress.postgresql(db, text("db-user"), password);
    }

    private CheckpointSettings checkpoints(Path dataFolder) {
        String log = text("checkpoint.log-file");
        String key = text("checkpoint.key-file");
        int minutes = integer("checkpoint.interval-minutes");
        if (minutes < 1) {
            throw new IllegalArgumentException("configuration key 'checkpoint.interval-minutes' must be at least 1");
        }
        List<String> mailTo = list("checkpoint.mail-to");
        mailTo.stream().filter(address -> !address.contains("@")).findFirst().ifPresent(address -> {
            throw new IllegalArgumentException("configuration key 'checkpoint.mail-to' must list e-mail addresses, not '"
                    + address + "'");
        });
        return new CheckpointSettings(
                log.isBlank() ? dataFolder.resolve("checkpoints").resolve("checkpoints.log") : Path.of(log),
                key.isBlank() ? dataFolder.resolve("keys").resolve("checkpoint-ed25519.key") : Path.of(key),
                Duration.ofMinutes(minutes), mailTo);
    }

    private AlertMailSettings alertMail() {
        AlertMailSettings mail = new AlertMailSettings(text("alerts.smtp-host"), integer("alerts.smtp-port"),
                bool("alerts.smtp-starttls"), text("alerts.smtp-username"), text("alerts.smtp-password"),
                text("alerts.from"), text("alerts.staff-url"), Duration.ofSeconds(integer("alerts.interval-seconds")));
        if (mail.enabled() && !mail.from().contains("@")) {
            throw new IllegalArgumentException("configuration key 'alerts.from' must be an e-mail address when "
                    + "'alerts.smtp-host' is set, not '" + mail.from() + "'");
        }
        if (mail.interval().isNegative() || mail.interval().isZero()) {
            throw new IllegalArgumentException("configuration key 'alerts.interval-seconds' must be at least 1");
        }
        return mail;
    }

    private void requireKnown(String key, String source) {
        if (!settings.containsKey(key)) {
            throw new IllegalArgumentException("unknown configuration key '" + key + "' in " + source
                    + "; known keys: " + settings.stringPropertyNames());
        }
    }

    private String text(String key) {
        return settings.getProperty(key, "").strip();
    }

    private Path path(String key) {
        return Path.of(text(key));
    }

    private int integer(String key) {
        try {
            return Integer.parseInt(text(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("configuration key '" + key + "' must be a whole number, not '"
                    + text(key) + "'", e);
        }
    }

    private boolean bool(String key) {
        return Boolean.parseBoolean(text(key));
    }

    private List<String> list(String key) {
        return Arrays.stream(text(key).split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }
}
