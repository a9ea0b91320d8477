package org.polisi.forms.storage;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.polisi.forms.config.DatabaseAddress;

/**
 * {@code backup} on PostgreSQL: PostgreSQL's own {@code pg_dump} in its custom format
 * ({@code --format=custom}, read back with {@code pg_restore}; PostgreSQL manual, "pg_dump"), a
 * consistent snapshot taken in one transaction while the servers keep running. The file is made
 * with mode 0600 before pg_dump writes into it, so the copy is as private as an SQLite backup. The
 * password goes to pg_dump in its environment ({@code PGPASSWORD}), never on its command line.
 */
public final class PostgresDump {

    private PostgresDump() {
    }

    /**
     * Dumps the database at {@code address} into the new file {@code target}.
     *
     * @throws IllegalArgumentException when the target exists, pg_dump is not installed, or pg_dump
     *     fails (its last lines are in the message); a failed dump's file is removed
     */
    public static void dump(DatabaseAddress address, Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("backup target " + target + " already exists: choose a new file");
        }
        URI uri = URI.create(address.jdbcUrl().substring("jdbc:".length()));
        List<String> command = new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-password",
                "--file=" + target.toAbsolutePath(), "--host=" + (uri.getHost() == null ? "localhost" : uri.getHost()),
                "--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()), "--dbname=" + uri.getPath().substring(1)));
        PrivateFiles.create(target);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        String user = address.user() != null ? address.user() : queryParameter(uri, "user");
        if (user != null) {
            environment.put("PGUSER", user);
        }
        if (address.password() != null) {
            environment.put("PGPASSWORD", address.password());
        }
        String sslmode = queryParameter(uri, "sslmode");
        if (sslmode != null) {
            environment.put("PGSSLMODE", sslmode);
        }
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
                process.destroyForcibly();
                Files.deleteIfExists(target);
                throw new IllegalArgumentException("pg_dump failed: " + output.substring(Math.max(0, output.length() - 600)).strip());
            }
        } catch (IOException notInstalled) {
            deleteQuietly(target);
            throw new IllegalArgumentException("cannot run pg_dump (install PostgreSQL's client tools, the Debian package "
                    + "postgresql-client, at the server's major version or newer): " + notInstalled.getMessage(), notInstalled);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            deleteQuietly(target);
            throw new IllegalArgumentException("interrupted while pg_dump ran", interrupted);
        }
    }

    private static String queryParameter(URI uri, String name) {
        if (uri.getRawQuery() == null) {
            return null;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equalsIgnoreCase(name)) {
                return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void deleteQuietly(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException ignored) {
            // the message about pg_dump is the one that matters
        }
    }
}
