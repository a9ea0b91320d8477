package org.polisi.site.buildserver;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.polisi.site.BuildTools;
import org.polisi.site.cli.Logging;
import org.polisi.site.cli.PolisiCli;
import org.polisi.site.render.RenderStage;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A checkout's build server (docs/adr/0079): started in the background by {@link BuildClient} after
 * an in-process build, with that process's JVM options and class path, in the checkout's folder.
 * It holds {@code server.lock} for its life (a second server exits at once), listens on
 * {@code socket} in the owner-only {@link ServerFolder}, refuses any peer that is not its owner
 * ({@code SO_PEERCRED}), and runs one request at a time: a build through
 * {@link PolisiCli#execute} with its standard output and error sent to the client, each build holding
 * the checkout's {@link BuildLock}. It stops when asked ({@code ./polisi build --stop}), when a
 * client's fingerprint differs from its own (the code or options changed: it is stale), when its
 * socket is deleted ({@code mvn clean}), or after {@code POLISI_DAEMON_IDLE} seconds without a
 * request (default 600).
 */
public final class BuildServer {
    /** Idle seconds before the server stops, from the environment ({@link BuildClient#VARIABLE}{@code _IDLE}). */
    static final String IDLE_VARIABLE = BuildClient.VARIABLE + "_IDLE";
    private static final long DEFAULT_IDLE_SECONDS = 600;

    private final ServerFolder folder;
    private final String fingerprint;
    private final Duration idle;
    private final PrintStream log;
    private final BuildTools tools = new BuildTools();
    private volatile Instant lastRequest = Instant.now();
    private volatile boolean busy;
    private ServerSocketChannel channel;

    private BuildServer(ServerFolder folder, String fingerprint, Duration idle, PrintStream log) {
        this.folder = folder;
        this.fingerprint = fingerprint;
        this.idle = idle;
        this.log = log;
    }

    /** Runs the server of the checkout at {@code -Dpolisi.root} (the working folder when unset) until it stops. */
    public static void main(String[] args) throws IOException {
        Logging.quieten();
        String fingerprint = Fingerprint.ofThisProcess();     // taken first: the code as it was when this JVM loaded it
        PrintStream log = System.err;
        ServerFolder folder = ServerFolder.of(rootOf());
        folder.makePrivate();
        try (FileChannel lockFile = FileChannel.open(folder.serverLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = lockFile.tryLock()) {
            if (held == null) {
                log.println(Instant.now() + " another build server runs for this checkout: this one exits");
                System.exit(0);
            }
            new BuildServer(folder, fingerprint, idleTime(), log).serve();
        }
        System.exit(0);    // JRuby's and the build's pools are not daemon threads everywhere
    }

    private static Path rootOf() {
        String root = System.getProperty("polisi.root");
        return Path.of(root == null || root.isBlank() ? "." : root).toAbsolutePath().normalize();
    }

    private static Duration idleTime() {
        try {
            String value = System.getenv(IDLE_VARIABLE);
            return Duration.ofSeconds(value == null || value.isBlank() ? DEFAULT_IDLE_SECONDS : Long.parseLong(value.strip()));
        } catch (NumberFormatException bad) {
            return Duration.ofSeconds(DEFAULT_IDLE_SECONDS);
        }
    }

    private void serve() throws IOException {
        Files.deleteIfExists(folder.socket());     // left by a server that was killed: we hold the server lock now
        channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(folder.socket()));
        Files.setPosixFilePermissions(folder.socket(), PosixFilePermissions.fromString("rw-------"));
        Files.writeString(folder.pidFile(), Long.toString(ProcessHandle.current().pid()), StandardCharsets.US_ASCII);
        log.println(Instant.now() + " build server " + ProcessHandle.current().pid() + " listening; stops after "
                + idle.toSeconds() + " s idle");
        long warming = System.nanoTime();
        // What a preview keeps warm: the dictionaries (in the background) and JRuby with Asciidoctor, before the
        // first request is taken (a client waits in the socket's backlog meanwhile), so that nothing these print
        // while starting (SLF4J's first lines, JRuby's) reaches a build's output.
        org.slf4j.LoggerFactory.getILoggerFactory();
        tools.dictionaries().readAllInBackground();
        RenderStage.warmUpConverter();
        log.println(String.format("%s warmed up in %.2f s", Instant.now(), (System.nanoTime() - warming) / 1e9));
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "build-server-idle");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleWithFixedDelay(this::stopIfIdleOrOrphaned, 1, 1, TimeUnit.SECONDS);
        try {
            while (channel.isOpen()) {
                try (SocketChannel client = channel.accept()) {
                    handle(client);
                } catch (ClosedChannelException stopped) {
                    break;
                } catch (IOException | RuntimeException badRequest) {
                    log.println(Instant.now() + " request refused: " + badRequest);
                }
            }
        } finally {
            watch.shutdownNow();
            channel.close();
            Files.deleteIfExists(folder.socket());
            Files.deleteIfExists(folder.pidFile());
            log.println(Instant.now() + " build server " + ProcessHandle.current().pid() + " stopped");
        }
    }

    private void stopIfIdleOrOrphaned() {
        boolean orphaned = !Files.exists(folder.socket());
        if (orphaned || (!busy && Duration.between(lastRequest, Instant.now()).compareTo(idle) > 0)) {
            log.println(Instant.now() + (orphaned ? " socket deleted" : " idle for " + idle.toSeconds() + " s") + ": stopping");
            stop();
        }
    }

    private void stop() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    private void handle(SocketChannel client) throws IOException {
        UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
        if (!peer.user().getName().equals(System.getProperty("user.name"))) {
            throw new IOException("a connection from " + peer.user().getName() + ", not the owner");
        }
        busy = true;
        try {
            DataInputStream in = new DataInputStream(Channels.newInputStream(client));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(client)));
            Frames.Received request = Frames.readRequest(in);
            if (request.request() == Frames.Request.PING) {
                answer(out, Frames.Answer.ALIVE);
            } else if (request.request() == Frames.Request.STOP) {
                log.println(Instant.now() + " asked to stop");
                answer(out, Frames.Answer.STOPPING);
                stop();
            } else if (!request.fingerprint().equals(fingerprint)) {
                log.println(Instant.now() + " a client with other code, options, umask or environment: stopping, it starts its own");
                answer(out, Frames.Answer.OTHER_FINGERPRINT);
                stop();
            } else {
                answer(out, Frames.Answer.ACCEPTED);
                build(request, out);
            }
        } finally {
            lastRequest = Instant.now();
            busy = false;
        }
    }

    private static void answer(DataOutputStream out, Frames.Answer answer) throws IOException {
        out.writeByte(answer.ordinal());
        out.flush();
    }

    /** Runs one build with this process's standard streams sent to the client, as an in-process build prints them. */
    private void build(Frames.Received request, DataOutputStream out) throws IOException {
        boolean[] gone = {false};
        PrintStream buildOut = new PrintStream(new Frames.Stream(out, Frames.OUT, gone), true, StandardCharsets.UTF_8);
        PrintStream buildErr = new PrintStream(new Frames.Stream(out, Frames.ERR, gone), true, StandardCharsets.UTF_8);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        long start = System.nanoTime();
        int status;
        try (BuildLock lock = BuildLock.take(folder, buildErr)) {
            System.setOut(buildOut);
            System.setErr(buildErr);
            status = PolisiCli.execute(request.args().toArray(String[]::new), tools);
        } catch (RuntimeException | Error fault) {
            // what the in-process command line's handler says for a fault of ours
            java.util.Optional<String> refused = org.polisi.site.cli.FileSystemRefusals.explain(fault, rootOf());
            buildErr.println(refused.map(why -> "error: " + why).orElse(org.polisi.site.cli.UnexpectedFault.line(fault, rootOf())));
            status = 2;
            if (fault instanceof Error) {
                stop();    // the JVM may be in no state for another build
            }
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        buildOut.flush();
        buildErr.flush();
        Frames.writeExit(out, status, gone);
        log.println(String.format("%s build %s: exit %d, %.2f s%s", Instant.now(), String.join(" ", request.args()), status,
                (System.nanoTime() - start) / 1e9, gone[0] ? " (the client left before the end)" : ""));
    }
}
