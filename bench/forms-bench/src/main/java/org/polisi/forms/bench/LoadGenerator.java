package org.polisi.forms.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts form submissions to a running forms server at rising concurrency and reports accepted
 * submissions per second, latency percentiles, errors and (given its pid) the server's memory.
 * Loopback only (127.0.0.1 or localhost); every level stops after {@code --requests} requests or
 * {@code --seconds} seconds, whichever comes first, so the generator always stops by itself.
 *
 * <pre>
 * java -cp 'forms-server/target/classes:forms-server/target/lib/*' org.polisi.forms.bench.LoadGenerator \
 *   --url http://127.0.0.1:7070 --manifest site/target/manifests/rumney.json --form digital-images-consent \
 *   --concurrency 1,2,4,8,16 --requests 2000 --seconds 20 [--invalid-every 5] [--server-pid N] \
 *   [--references acknowledged.txt] [--results results.tsv] [--label name]
 * </pre>
 */
public final class LoadGenerator {
    static final int MAX_REQUESTS = 1_000_000;
    static final int MAX_SECONDS = 600;

    /** One concurrency level's outcome. Latencies in milliseconds. */
    public record Level(int concurrency, long sent, long accepted, long rejected, long errors, double seconds,
                        double p50, double p95, double p99, String serverMemory) {
        public double acceptedPerSecond() {
            return accepted / seconds;
        }

        public String row() {
            return String.format("%d\t%d\t%d\t%d\t%d\t%.2f\t%.0f\t%.2f\t%.2f\t%.2f\t%s", concurrency, sent, accepted, rejected,
                    errors, seconds, acceptedPerSecond(), p50, p95, p99, serverMemory);
        }
    }

    public static final String HEADER = "concurrency\tsent\taccepted\trejected\terrors\tseconds\taccepted/s\tp50 ms\tp95 ms\tp99 ms\tserver memory";

    private final URI base;
    private final String origin;
    private final SubmissionBodies bodies;
    private final AtomicLong counter = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1_000_000);
    private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());

    public LoadGenerator(URI base, SubmissionBodies bodies) {
        String host = base.getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("the load generator posts to the loopback address only, not " + host);
        }
        if (base.getPort() < 0) {
            throw new IllegalArgumentException("the load generator needs the server's port in " + base);
        }
        this.base = base;
        this.origin = base.getScheme() + "://" + base.getRawAuthority();
        this.bodies = bodies;
    }

    /** References of every submission the server acknowledged with a 303, so far. */
    public List<String> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    public Level run(int concurrency, int requests, int seconds, int invalidEvery, long serverPid) throws InterruptedException {
        if (requests < 1 || requests > MAX_REQUESTS || seconds < 1 || seconds > MAX_SECONDS || concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("requests 1.." + MAX_REQUESTS + ", seconds 1.." + MAX_SECONDS + ", concurrency 1..256");
        }
        AtomicLong remaining = new AtomicLong(requests);
        AtomicLong sent = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread worker = new Thread(() -> {
                long[] mine = new long[Math.min(requests, 1 << 20)];
                int count = 0;
                KeptAliveConnection connection = new KeptAliveConnection(base.getHost(), base.getPort());
                while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    long number = counter.incrementAndGet();
                    boolean valid = invalidEvery <= 0 || number % invalidEvery != 0;
                    long before = System.nanoTime();
                    int status = post(connection, number, valid);   // a draft's 303 comes back as 422 (see post)
                    long took = System.nanoTime() - before;
                    sent.incrementAndGet();
                    if (count < mine.length) {
                        mine[count++] = took;
                    }
                    if (valid && status == 303) {
                        accepted.incrementAndGet();
                    } else if (!valid && status == 422) {
                        rejected.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                        if (status < 0) {
                            sleepQuietly();   // the server is down: do not spin
                        }
                    }
                }
                connection.close();
                latencies.add(Arrays.copyOf(mine, count));
            }, "load-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Level(concurrency, sent.get(), accepted.get(), rejected.get(), errors.get(), elapsed,
                percentile(all, 50), percentile(all, 95), percentile(all, 99), serverMemory(serverPid));
    }

    /**
     * The status code, or -1 when the request failed (connection refused, reset, timed out). A form
     * refused with errors answers 303 to its draft's page since ADR 0052, reported here as 422 so
     * that the figures stay comparable with earlier runs; only a 303 to a receipt is acknowledged.
     */
    private int post(KeptAliveConnection connection, long number, boolean valid) {
        try {
            KeptAliveConnection.Answer answer = connection.post(bodies.path(), origin,
                    bodies.body(number, valid).getBytes(StandardCharsets.UTF_8));
            if (answer.status() == 303 && answer.location().contains("/received/")) {
                acknowledged.add(referenceOf(answer.location()));
            } else if (answer.status() == 303 && answer.location().contains("/answers/")) {
                return 422;   // refused and kept as a draft to correct (post/redirect/get, docs/adr/0052)
            }
            return answer.status();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code /forms/rumney/received/ABCD-1234?t=...} gives {@code ABCD-1234}. */
    static String referenceOf(String location) {
        String path = location.contains("?") ? location.substring(0, location.indexOf('?')) : location;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static double percentile(long[] sortedNanos, double percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }

    /** VmRSS and VmHWM (peak) of the server, from /proc; "-" without a pid. */
    static String serverMemory(long pid) {
        if (pid <= 0) {
            return "-";
        }
        try {
            String rss = "?";
            String peak = "?";
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = line.substring(6).strip();
                } else if (line.startsWith("VmHWM:")) {
                    peak = line.substring(6).strip();
                }
            }
            return "RSS " + rss + ", peak " + peak;
        } catch (IOException e) {
            return "gone";
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        LoadGenerator generator = new LoadGenerator(URI.create(arguments.get("--url", "http://127.0.0.1:7070")),
                new SubmissionBodies(Path.of(arguments.get("--manifest", "site/target/manifests/rumney.json")),
                        arguments.get("--form", "digital-images-consent"), arguments.get("--lang", "en")));
        int requests = Integer.parseInt(arguments.get("--requests", "2000"));
        int seconds = Integer.parseInt(arguments.get("--seconds", "20"));
        int invalidEvery = Integer.parseInt(arguments.get("--invalid-every", "0"));
        long pid = Long.parseLong(arguments.get("--server-pid", "0"));
        String label = arguments.get("--label", invalidEvery > 0 ? "mixed" : "valid");
        String results = arguments.get("--results", "");
        System.out.println("label\t" + HEADER);
        for (String level : arguments.get("--concurrency", "1,2,4,8,16").split(",")) {
            Level outcome = generator.run(Integer.parseInt(level.strip()), requests, seconds, invalidEvery, pid);
            String row = label + "\t" + outcome.row();
            System.out.println(row);
            if (!results.isEmpty()) {
                Files.writeString(Path.of(results), row + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        String references = arguments.get("--references", "");
        if (!references.isEmpty()) {
            Files.write(Path.of(references), generator.acknowledged());
        }
    }

    /** {@code --name value} pairs. */
    static final class Arguments {
        private final List<String> words;

        Arguments(String[] args) {
            this.words = List.of(args);
        }

        String get(String name, String otherwise) {
            int at = words.indexOf(name);
            return at >= 0 && at + 1 < words.size() ? words.get(at + 1) : otherwise;
        }
    }
}
