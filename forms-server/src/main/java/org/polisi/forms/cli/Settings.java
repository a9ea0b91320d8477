package org.polisi.forms.cli;

import java.nio.file.Path;
import org.polisi.forms.config.ConfigLoader;
import org.polisi.forms.config.ServerConfig;
import picocli.CommandLine.Option;

/** The options every command shares: the database, the archive of agreed texts and an optional configuration file. */
final class Settings {

    @Option(names = "--db", paramLabel = "FILE|URL", description = "The SQLite database file (default: data/polisi.db), "
            + "or a PostgreSQL JDBC URL jdbc:postgresql://host:port/database with the user and password in "
            + "POLISI_DB_USER and POLISI_DB_PASSWORD (or POLISI_DB_PASSWORD_FILE).")
    String database;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file of settings.")
    Path configFile;

    @Option(names = "--agreed-texts", paramLabel = "DIR",
            description = "The archive of agreed texts the site build writes (default: data/agreed-texts).")
    Path agreedTexts;

    /** Defaults, then the file, then POLISI_* environment variables, then the options given. */
    ConfigLoader loader() {
        return ConfigLoader.defaults().file(configFile).environment(System.getenv()).set("db", database)
                .set("agreed-texts-dir", agreedTexts);
    }

    ServerConfig config() {
        return loader().load();
    }
}
