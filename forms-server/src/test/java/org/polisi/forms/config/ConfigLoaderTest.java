package org.polisi.forms.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void theEmbeddedDefaultsNeedNoFile() {
        ServerConfig config = ConfigLoader.defaults().load();
        assertEquals(7070, config.port());
        assertEquals(Path.of("data/polisi.db"), config.database().file());
        assertEquals(Path.of("site/target/public"), config.siteDir());
        assertEquals(Path.of("site/target/manifests"), config.manifestDir());
        assertEquals(config.database().file().toAbsolutePath().getParent().resolve("secret.key"), config.secretKeyFile());
        assertEquals(65536, config.maxBodyBytes());
        assertEquals(List.of(), config.allowedOrigins());
    }

    @Test
    void aFileThenTheEnvironmentThenOptionsOverrideTheDefaults(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("polisi.properties");
        Files.writeString(file, "port=8080\nallowed-origins=https://school.example, https://other.example\n");
        ServerConfig config = ConfigLoader.defaults().file(file)
                .environment(Map.of("POLISI_PORT", "9090", "POLISI_SITE_DIR", "/srv/sites"))
                .set("db", Path.of("/srv/data/forms.db"))
                .load();
        assertEquals(9090, config.port());
        assertEquals(Path.of("/srv/sites"), config.siteDir());
        assertEquals(Path.of("/srv/data/forms.db"), config.database().file());
        assertEquals(List.of("https://school.example", "https://other.example"), config.allowedOrigins());
    }

    @Test
    void anUnknownKeyIsAnErrorNotASilentDefault(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("polisi.properties");
        Files.writeString(file, "prot=8080\n");
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.defaults().file(file));
    }

    @Test
    void theSecretKeyIsMadeOnceReadableByItsOwnerOnly(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("data/secret.key");
        SecretKey first = SecretKey.loadOrCreate(file);
        SecretKey again = SecretKey.loadOrCreate(file);
        assertEquals(first.sign("x"), again.sign("x"));
        assertTrue(again.verify("x", first.sign("x")));
        assertNotEquals(first.sign("x"), first.sign("y"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    /** ADR 0049: a PostgreSQL URL, its user and password from the environment or a file, never in the URL. */
    @Test
    void aPostgresqlUrlTakesItsPasswordFromTheEnvironmentOrAFileNeverTheUrl(@TempDir Path folder) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/polisi";
        ServerConfig fromEnvironment = ConfigLoader.defaults()
                .environment(Map.of("POLISI_DB", url, "POLISI_DB_USER", "forms", "POLISI_DB_PASSWORD", "heulwen")).load();
        assertTrue(fromEnvironment.database().isPostgresql());
        assertEquals(url, fromEnvironment.database().jdbcUrl());
        assertEquals("forms", fromEnvironment.database().user());
        assertEquals("heulwen", fromEnvironment.database().password());
        assertEquals(url, fromEnvironment.database().toString(), "what is logged is the URL alone");

        Path secret = folder.resolve("db-password");
        Files.writeString(secret, "o ffeil\n");
        ServerConfig fromFile = ConfigLoader.defaults().set("db", url)
                .environment(Map.of("POLISI_DB_PASSWORD_FILE", secret.toString())).load();
        assertEquals("o ffeil", fromFile.database().password());

        for (String withPassword : List.of("jdbc:postgresql://forms:heulwen@127.0.0.1/polisi",
                "jdbc:postgresql://127.0.0.1/polisi?user=forms&password=heulwen",
                "jdbc:postgresql://127.0.0.1/polisi?ssl=true&PASSWORD=heulwen")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ConfigLoader.defaults().set("db", withPassword).load(), withPassword);
            assertTrue(refused.getMessage().contains("POLISI_DB_PASSWORD"), refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.defaults().set("db", "jdbc:mysql://h/db").load());
        assertEquals(Path.of("data/polisi.db"), ConfigLoader.defaults().load().database().file(), "SQLite stays the default");
    }
}
