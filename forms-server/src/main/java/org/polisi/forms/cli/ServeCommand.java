package org.polisi.forms.cli;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polisi.forms.FormsServer;
import org.polisi.forms.config.ConfigLoader;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.storage.PrivateFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: starts the server and prints its address; runs until stopped (Ctrl+C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the baked sites and receive form submissions.")
final class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    @Mixin
    Settings settings;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default 7070; 0 for any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Interface to listen on (default 127.0.0.1: this"
            + " machine only; 0.0.0.0 for every interface; or POLISI_HOST, or host= in --config).")
    String host;

    @Option(names = "--site", paramLabel = "DIR", description = "The baked sites (default site/target/public).")
    Path site;

    @Option(names = "--manifests", paramLabel = "DIR", description = "The forms manifests (default site/target/manifests).")
    Path manifests;

    @Option(names = "--print-origin", hidden = true,
            description = "Print the address the server would listen at (http://127.0.0.1:N), and stop; nothing for port 0."
                    + " ./polisi serve builds the pages for it.")
    boolean printOrigin;

    @Option(names = "--check-port", hidden = true,
            description = "With --print-origin: first check that the port can be listened on; if not, one line and exit 3."
                    + " ./polisi serve asks it before building.")
    boolean checkPort;

    /**
     * The local origin the served pages were built for, when it is not this server's: read from the
     * sitemaps {@code robots.txt} names (the build writes one line per school with a {@code base-url}).
     * A public address is the school's and is never reported.
     *
     * @param siteDir the baked sites; a missing or unreadable {@code robots.txt} reports nothing
     * @param origin  this server's origin ({@code http://127.0.0.1:7070})
     * @return the local origin they were built for ({@code http://localhost:N}, {@code http://127.0.0.1:N}), or empty
     */
    static java.util.Optional<String> builtForAnotherPort(Path siteDir, String origin) {
        String robots;
        try {
            robots = java.nio.file.Files.readString(siteDir.resolve("robots.txt"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException none) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher local = java.util.regex.Pattern.compile(
                "(?m)^Sitemap: (https?://(?:localhost|127\\.0\\.0\\.1|\\[::1\\]):\\d+)/").matcher(robots);
        while (local.find()) {
            if (!local.group(1).equals(origin)) {
                return java.util.Optional.of(local.group(1));
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether {@code config}'s host and port can be listened on now (tried, then let go). */
    static boolean free(ServerConfig config) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);   // as Jetty does: a port in TIME_WAIT is free
            probe.bind(config.listensEverywhere() ? new java.net.InetSocketAddress(config.port())
                    : new java.net.InetSocketAddress(config.host(), config.port()));
            return true;
        } catch (java.io.IOException inUse) {
            return false;
        }
    }

    /** The one line for a port that cannot be listened on, with the way out. */
    static String busy(ServerConfig config) {
        return "Not started: port " + config.port() + " on " + config.host() + " is in use (another ./polisi serve?),"
                + " or cannot be listened on. Stop the other server, or choose another port with --port N.";
    }

    private static boolean causedByBind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException || cause.getClass().getSimpleName().equals("JavalinBindException")) {
                return true;
            }
        }
        return false;
    }

    static boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        ConfigLoader loader = settings.loader().set("port", port).set("host", host).set("site-dir", site).set("manifest-dir", manifests);
        ServerConfig config = loader.load();
        if (printOrigin) {
            // the same settings (option, environment, --config file) that will choose the port; asked
            // before ./polisi serve builds, so a busy port stops it before it rebuilds and publishes
            if (config.port() > 0) {
                if (checkPort && !free(config)) {
                    System.err.println(busy(config));
                    return 3;
                }
                System.out.println(config.origin(config.port()));
            }
            return 0;
        }
        if (config.port() > 0 && !free(config)) {   // before opening the database or anything else
            System.err.println(busy(config));
            return 3;
        }
        FormsServer server;
        try {
            server = FormsServer.create(config).start();
        } catch (PrivateFiles.NotPrivate | org.polisi.forms.config.SealingKey.Unusable refused) {
            System.err.println("Not started: " + refused.getMessage());
            return 2;
        } catch (UncheckedIOException unreadable) {   // e.g. a manifest that is not valid: the message names the file
            System.err.println("Not started: " + unreadable.getCause().getMessage());
            return 2;
        } catch (RuntimeException failed) {
            if (!causedByBind(failed)) {
                throw failed;
            }
            System.err.println(busy(config));   // one line, not Javalin's stack trace
            return 3;
        }
        serving = true;
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "polisi-shutdown"));
        String origin = config.origin(server.port());
        System.out.println(origin + "/");
        if (config.listensEverywhere()) {
            System.err.println("Listening on every interface (host " + config.host() + "): other machines can reach this"
                    + " server at this machine's addresses, port " + server.port() + ".");
        }
        builtForAnotherPort(config.siteDir(), origin).ifPresent(built -> System.err.println("The pages were built"
                + " for " + built + ": their canonical, hreflang and sitemap addresses name it, not this server. Run"
                + " ./polisi serve without --no-build, or ./polisi build --served-at " + origin + "."));
        System.out.flush();
        return 0;
    }
}
