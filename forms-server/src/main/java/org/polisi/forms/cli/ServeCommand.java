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

    @Option(names = "--site", paramLabel = "DIR", description = "The baked sites (default site/target/public).")
    Path site;

    @Option(names = "--manifests", paramLabel = "DIR", description = "The forms manifests (default site/target/manifests).")
    Path manifests;

    static boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        ConfigLoader loader = settings.loader().set("port", port).set("site-dir", site).set("manifest-dir", manifests);
        ServerConfig config = loader.load();
        FormsServer server;
        try {
            server = FormsServer.create(config).start();
        } catch (PrivateFiles.NotPrivate refused) {
            System.err.println("Not started: " + refused.getMessage());
            return 2;
        } catch (UncheckedIOException unreadable) {   // e.g. a manifest that is not valid: the message names the file
            System.err.println("Not started: " + unreadable.getCause().getMessage());
            return 2;
        }
        serving = true;
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "polisi-shutdown"));
        System.out.println("http://localhost:" + server.port() + "/");
        System.out.flush();
        return 0;
    }
}
