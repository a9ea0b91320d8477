package org.polisi.site.buildserver;

import org.polisi.site.BuildOptions;
import org.polisi.site.BuildTools;
import org.polisi.site.cli.Logging;
import org.polisi.site.cli.PolisiCli;
import org.polisi.site.render.RenderCache;
import org.polisi.site.render.RenderStage;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ./polisi build} as the launcher runs it (docs/adr/0079): hands the command line to this
 * checkout's {@link BuildServer} when one runs with the same {@link Fingerprint}, and streams back its
 * output and exit status; otherwise builds in this process, as {@link PolisiCli} does, and then
 * starts a server in the background for the next build, saying so in one line on standard error.
 * <ul>
 *   <li>{@code --no-daemon}, {@code POLISI_DAEMON=off} (or {@code false}, {@code 0}, {@code no}) and
 *   a set {@code CI} variable build in this process and start nothing;</li>
 *   <li>{@code --stop} stops the server and builds nothing;</li>
 *   <li>a server that does not answer, runs other code or options or another process state
 *   (umask, locale...: {@link Fingerprint}), or ends during the build: the
 *   build runs in this process and a line on standard error says why.</li>
 * </ul>
 */
public final class BuildClient {
    /** The environment variable that turns the build server off ({@code off}). */
    public static final String VARIABLE = "POLISI_DAEMON";

    private BuildClient() {
    }

    /** Runs {@code ./polisi build ARGS...} ({@code args[0]} is {@code build}) and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    private static int run(String[] args) {
        Path root = root();
        List<String> arguments = List.of(args);
        if (arguments.isEmpty() || !arguments.get(0).equals("build")) {
            return inProcess(args, Optional.empty());
        }
        if (arguments.contains("--stop")) {
            System.out.println(stop(root));
            return 0;
        }
        ServerFolder folder;
        try {
            folder = ServerFolder.of(root).makePrivate();
        } catch (IOException notPrivate) {
            System.err.println("polisi: building without a build server: " + notPrivate.getMessage());
            return inProcess(args, Optional.empty());
        }
        if (turnedOff(arguments)) {
            startConverterEarly(root, arguments);
            return inProcess(args, Optional.of(folder));
        }
        if (!Files.exists(folder.socket())) {
            startConverterEarly(root, arguments);     // no server to ask: this process builds
        }
        String fingerprint = Fingerprint.ofThisProcess();
        Relay relay = relay(folder, fingerprint, arguments);
        if (relay.status().isPresent()) {
            return relay.status().get();
        }
        relay.why().ifPresent(System.err::println);
        int status = inProcess(args, Optional.of(folder));
        startServer(folder);
        return status;
    }

    /**
     * A build in this process starts JRuby before the command line is parsed and the build is made
     * (JRuby gains about 0.1 s of the build thread's CPU, on a core that was idle; docs/adr/0084), when it will
     * probably convert pages: as {@code RenderStage.prepare} guesses, from the cache that
     * {@code --no-cache} or {@code --cache DIR} names. {@code --help} starts nothing.
     */
    private static void startConverterEarly(Path root, List<String> arguments) {
        if (arguments.contains("--help") || arguments.contains("-h")) {
            return;
        }
        RenderCache cache = arguments.contains("--no-cache") ? RenderCache.disabled() : RenderCache.at(cacheFolder(root, arguments));
        RenderStage.startEarly(BuildOptions.defaults(root), cache);
        // Logging is set up after, not before (that takes about as long again): JRuby's start logs
        // nothing, and the build's own logging starts after this (inProcess quietens it again).
        Logging.quieten();
    }

    /** The folder {@code --cache DIR} or {@code --cache=DIR} names, else the default one (as {@code CacheOptions} reads them). */
    static Path cacheFolder(Path root, List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--cache") && i + 1 < arguments.size()) {
                return Path.of(arguments.get(i + 1)).toAbsolutePath();
            }
            if (argument.startsWith("--cache=")) {
                return Path.of(argument.substring("--cache=".length())).toAbsolutePath();
            }
        }
        return root.resolve(RenderCache.DEFAULT_DIR);
    }

    private static boolean turnedOff(List<String> arguments) {
        String setting = System.getenv(VARIABLE);
        String ci = System.getenv("CI");
        return arguments.contains("--no-daemon")
                || (setting != null && List.of("off", "false", "0", "no").contains(setting.strip().toLowerCase(Locale.ROOT)))
                || (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false"));
    }

    /** What asking the server gave: its build's exit status, or why the build must run here (empty: no server, say nothing). */
    private record Relay(Optional<Integer> status, Optional<String> why) {
        static Relay here(String why) {
            return new Relay(Optional.empty(), Optional.ofNullable(why));
        }
    }

    private static Relay relay(ServerFolder folder, String fingerprint, List<String> arguments) {
        if (!Files.exists(folder.socket())) {
            return Relay.here(null);
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            try {
                channel.connect(UnixDomainSocketAddress.of(folder.socket()));
            } catch (IOException refused) {
                return Relay.here("polisi: this checkout's build server is not answering (stopped or killed): building in this process");
            }
            DataOutputStream out = new DataOutputStream(Channels.newOutputStream(channel));
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
            Frames.writeRequest(out, fingerprint, Frames.Request.BUILD, arguments);
            int answer = in.readUnsignedByte();
            if (answer != Frames.Answer.ACCEPTED.ordinal()) {
                return Relay.here("polisi: this checkout's build server runs other code or options, or was started with another"
                        + " umask, locale, time zone or environment (umask here " + ProcessState.current().umaskText()
                        + "), so it stops: building in this process");
            }
            return new Relay(Optional.of(stream(in)), Optional.empty());
        } catch (EOFException ended) {
            return Relay.here("polisi: this checkout's build server ended during the build: building again in this process");
        } catch (IOException broken) {
            return Relay.here("polisi: this checkout's build server failed (" + broken.getMessage() + "): building in this process");
        }
    }

    /** Copies the server's frames to this process's standard output and error; the exit status. */
    private static int stream(DataInputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        while (true) {
            int kind = in.readUnsignedByte();
            if (kind == Frames.EXIT) {
                return in.readInt();
            }
            PrintStream target = kind == Frames.OUT ? System.out : System.err;
            int length = in.readInt();
            while (length > 0) {
                int read = in.read(buffer, 0, Math.min(buffer.length, length));
                if (read < 0) {
                    throw new EOFException();
                }
                target.write(buffer, 0, read);
                length -= read;
            }
            target.flush();
        }
    }

    private static int inProcess(String[] args, Optional<ServerFolder> folder) {
        Logging.quieten();
        if (folder.isEmpty()) {
            return PolisiCli.execute(args, new BuildTools());
        }
        try (BuildLock lock = BuildLock.take(folder.get(), System.err)) {
            return PolisiCli.execute(args, new BuildTools());
        } catch (IOException noLock) {
            System.err.println("polisi: building without the build lock: " + noLock.getMessage());
            return PolisiCli.execute(args, new BuildTools());
        }
    }

    /**
     * Starts a {@link BuildServer} in the background with this JVM's options and class path, in its
     * own session (so the terminal's Ctrl+C and hang-up do not reach it), its output to the
     * folder's {@code server.log}. A server already running makes the new one exit at once.
     */
    private static void startServer(ServerFolder folder) {
        List<String> command = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(Fingerprint.jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BuildServer.class.getName()));
        try {
            new ProcessBuilder(command).directory(new File(System.getProperty("user.dir")))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.log().toFile()))
                    .redirectErrorStream(true)
                    .start();
            System.err.println("polisi: started a build server for this checkout, so the next builds skip JRuby's start"
                    + " (it stops after 10 minutes unused, or with ./polisi build --stop; --no-daemon or POLISI_DAEMON=off builds without it)");
        } catch (IOException notStarted) {
            System.err.println("polisi: could not start a build server (" + notStarted.getMessage() + "); the next build runs in its own process too");
        }
    }

    /**
     * Stops the build server of the checkout at {@code root}, waiting (up to a minute, for a build it
     * is running) until it has let go of its socket.
     *
     * @return what happened, one sentence for the person who asked
     */
    public static String stop(Path root) {
        ServerFolder folder = ServerFolder.of(root);
        if (!Files.exists(folder.socket())) {
            return "No build server runs for this checkout.";
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(folder.socket()));
            Frames.writeRequest(new DataOutputStream(Channels.newOutputStream(channel)), "", Frames.Request.STOP, List.of());
            new DataInputStream(Channels.newInputStream(channel)).readUnsignedByte();
        } catch (IOException notAnswering) {
            return "No build server answers for this checkout (" + notAnswering.getMessage() + ").";
        }
        for (int i = 0; i < 600 && Files.exists(folder.socket()); i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return "Stopped this checkout's build server.";
    }

    private static Path root() {
        String root = System.getProperty("polisi.root");
        return Path.of(root == null || root.isBlank() ? "." : root).toAbsolutePath().normalize();
    }
}
