package org.polisi.forms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.polisi.forms.config.DatabaseAddress;

/**
 * A throwaway PostgreSQL cluster for the tests: {@code initdb} and {@code pg_ctl} (PostgreSQL's own
 * tools, "Creating a Database Cluster" and "Starting the Database Server" in its manual) make and
 * start one under {@code target/postgres-PID} on a free port of 127.0.0.1, once per test JVM, and a
 * shutdown hook stops it and removes its folder. Each test gets a database of its own
 * ({@link #freshDatabase}).
 *
 * <p>PostgreSQL refuses to run as root: when the tests run as root (containers, CI), the cluster is
 * made and run as the {@code postgres} user if there is one, else {@code nobody}, through
 * {@code runuser}. The cluster trusts local connections (it listens on 127.0.0.1 only and lives for
 * one test run) and runs with {@code fsync=off}, since nothing in it must survive the run.
 */
public final class PostgresCluster {

    private static final String USER = "polisi";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PostgresCluster started;
    private static String unavailable;

    private final int port;

    private PostgresCluster(int port) {
        this.port = port;
    }

    /** The cluster, started on first use; empty with the reason when PostgreSQL's tools are missing or fail. */
    static synchronized Optional<PostgresCluster> get() {
        if (started == null && unavailable == null) {
            try {
                started = start();
            } catch (RuntimeException | IOException e) {
                unavailable = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unavailable = "interrupted while starting PostgreSQL";
            }
        }
        return Optional.ofNullable(started);
    }

    /** Why there is no cluster, or null when there is one. */
    static synchronized String unavailableBecause() {
        get();
        return unavailable;
    }

    /** A new, empty database in the cluster, as the server is given one. */
    public DatabaseAddress freshDatabase() {
        String name = "polisi_test_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, null);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8'"); // name made here, never input
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database in the PostgreSQL cluster", e);
        }
        return DatabaseAddress.postgresql(url(name), USER, null);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresCluster start() throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL's initdb and pg_ctl were not found (install the Debian package postgresql)"));
        Path folder = Path.of("target", "postgres-" + ProcessHandle.current().pid()).toAbsolutePath();
        Path data = folder.resolve("data");
        Files.createDirectories(folder);
        Optional<String> runAs = runAs();
        if (runAs.isPresent()) {
            run(List.of("chown", runAs.get(), folder.toString()), Optional.empty(), folder);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "--auth=trust",
                "-E", "UTF8", "--locale=C"), runAs, folder);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start"), runAs, folder);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, data, folder, runAs)));
        return new PostgresCluster(port);
    }

    private static void stop(Path bin, Path data, Path folder, Optional<String> runAs) {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"),
                    runAs, folder);
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the test PostgreSQL cluster in " + folder + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The folder holding initdb and pg_ctl: on the PATH, in /usr/local/bin, or Debian's /usr/lib/postgresql/N/bin. */
    private static Optional<Path> binaries() throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!entry.isBlank()) {
                candidates.add(Path.of(entry));
            }
        }
        candidates.add(Path.of("/usr/local/bin"));
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.reverseOrder()).forEach(version -> candidates.add(version.resolve("bin")));
            }
        }
        return candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                .findFirst();
    }

    /** PostgreSQL will not run as root: the user to run it as when the tests are root. */
    private static Optional<String> runAs() throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.empty();
        }
        List<String> passwd = Files.readAllLines(Path.of("/etc/passwd"));
        boolean postgres = passwd.stream().anyMatch(line -> line.startsWith("postgres:"));
        return Optional.of(postgres ? "postgres" : "nobody");
    }

    private static void run(List<String> command, Optional<String> runAs, Path folder)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (runAs.isPresent()) {
            full.addAll(List.of("runuser", "-u", runAs.get(), "--"));
        }
        full.addAll(command);
        Path log = folder.resolve("commands.log");
        Process process = new ProcessBuilder(full).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            String output;
            try {
                output = Files.readString(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + output.substring(Math.max(0, output.length() - 600)).strip());
        }
    }
}
