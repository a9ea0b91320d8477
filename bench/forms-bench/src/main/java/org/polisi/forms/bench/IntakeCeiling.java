package org.polisi.forms.bench;

import java.lang.management.ManagementFactory;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.polisi.forms.archive.AgreedTextArchive;
import org.polisi.forms.config.DatabaseAddress;
import org.polisi.forms.config.SecretKey;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.intake.SubmissionOutcome;
import org.polisi.forms.intake.SubmissionRequest;
import org.polisi.forms.intake.SubmissionService;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.SubmissionLedger;

/**
 * The intake without HTTP: CALLERS threads hand valid submissions of one form straight to the
 * server's {@link SubmissionService} (validation, hashing, the ledger's writer, the database) for
 * SECONDS, so that what limits the writer shows without the web server, the load generator and
 * the per-client request limit in front of it (docs/benchmarks.md, "Intake on PostgreSQL with
 * batched writes"). Prints stored submissions/s and this process's CPU seconds per submission.
 * The database is an SQLite file or a PostgreSQL JDBC URL (the user in PGUSER).
 *
 * <pre>java ... org.polisi.forms.bench.IntakeCeiling DB-FILE|JDBC-URL FIXTURE-FOLDER SCHOOL FORM CALLERS SECONDS</pre>
 */
public final class IntakeCeiling {
    private IntakeCeiling() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseAddress address = args[0].startsWith(DatabaseAddress.POSTGRESQL_PREFIX)
                ? DatabaseAddress.postgresql(args[0], System.getenv().getOrDefault("PGUSER", "polisi"), null)
                : DatabaseAddress.sqlite(Path.of(args[0]));
        Path fixture = Path.of(args[1]);
        String school = args[2];
        String form = args[3];
        int callers = Integer.parseInt(args[4]);
        long seconds = Long.parseLong(args[5]);
        SubmissionBodies bodies = new SubmissionBodies(fixture.resolve("manifests").resolve(school + ".json"), form, "en");
        Path keyFile = Files.createTempDirectory("intake-ceiling").resolve("secret.key");
        try (Database database = Database.connect(address); SubmissionLedger ledger = new SubmissionLedger(database.jdbi())) {
            SubmissionService service = new SubmissionService(new ManifestCatalog(fixture.resolve("manifests")),
                    new Messages(), ledger, SecretKey.loadOrCreate(keyFile), Clock.systemUTC(), Duration.ofMinutes(10),
                    new AgreedTextArchive(fixture.resolve("agreed-texts")));
            AtomicLong number = new AtomicLong();
            AtomicLong stored = new AtomicLong();
            AtomicLong other = new AtomicLong();
            long cpuBefore = cpuNanos();
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            ExecutorService threads = Executors.newFixedThreadPool(callers);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                running.add(threads.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        SubmissionOutcome outcome = service.submit(new SubmissionRequest(school, form,
                                parameters(bodies.body(number.incrementAndGet(), true))));
                        (outcome instanceof SubmissionOutcome.Accepted ? stored : other).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
            threads.shutdown();
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpu = (cpuNanos() - cpuBefore) / 1e9;
            System.out.printf("intake-ceiling\tcallers\t%d\tstored\t%d\tother\t%d\tper-second\t%.0f\tcpu-s\t%.1f\tcpu-ms-each\t%.2f%n",
                    callers, stored.get(), other.get(), stored.get() / elapsed, cpu, 1000 * cpu / Math.max(1, stored.get()));
            System.out.flush();
            // the connections stay open a moment, so a script can read their counters (bench/postgres-intake.sh)
            Thread.sleep(Long.getLong("polisi.bench.hold-ms", 0));
        }
    }

    /** A form body as the browser sends it, as the server's handler hands it to the service. */
    private static Map<String, List<String>> parameters(String body) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
