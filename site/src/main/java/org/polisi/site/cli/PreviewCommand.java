package org.polisi.site.cli;

import com.sun.net.httpserver.HttpServer;
import org.polisi.site.BuildOptions;
import org.polisi.site.BuildTools;
import org.polisi.site.BuildResult;
import org.polisi.site.SiteBuild;
import org.polisi.site.buildserver.BuildLock;
import org.polisi.site.render.RenderCache;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./polisi preview [--port N]}: builds, serves the output on localhost and rebuilds when
 * anything under content/ or themes/ changes. A site with errors keeps its last good pages served,
 * and each of its pages shows the errors at the top, with file and line, until they are fixed.
 */
@Command(name = "preview", description = "Serve the built sites locally and rebuild when content/ or themes/ change.")
public final class PreviewCommand implements Callable<Integer> {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8", "svg", "image/svg+xml", "png", "image/png");

    @Option(names = "--port", description = "port (default 8080)")
    int port = 8080;

    @Mixin
    CacheOptions cacheOptions;

    /** The preview's JVM stays warm, and the build cache holds what it rendered, so a save re-renders only what changed. */
    private RenderCache cache;
    /** The dictionaries and fonts every rebuild of this preview shares: read once (docs/adr/0064). */
    private final BuildTools tools = new BuildTools();
    /** The last build's result: its errors are shown on the pages of the sites they held back. */
    private volatile BuildResult last;

    @Override
    public Integer call() throws Exception {
        Path root = PolisiCli.projectRoot();
        // listen first, so the build knows the port (--port 0 too) and writes canonical and hreflang there
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        int listening = server.getAddress().getPort();
        BuildOptions options = BuildOptions.defaults(root).withServedAt(java.net.URI.create("http://localhost:" + listening));
        cache = cacheOptions.cache(root);
        rebuild(root, options);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Path file = options.outputDir().resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            boolean found = file.startsWith(options.outputDir()) && Files.isRegularFile(file);
            Path served = found ? file : options.outputDir().resolve("404.html");
            byte[] body = Files.exists(served) ? Files.readAllBytes(served) : new byte[0];
            String name = served.getFileName().toString();
            if (name.endsWith(".html") && last != null) {
                body = PreviewErrors.show(new String(body, StandardCharsets.UTF_8), path, last, root).getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
            exchange.sendResponseHeaders(found ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("Previewing on http://localhost:" + listening + "/ (Ctrl+C to stop); rebuilding on changes to content/ and themes/");
        watch(root, options);
        return 0;
    }

    /** One build, holding the checkout's build lock, so that a {@code ./polisi build} meanwhile waits, and this waits for it. */
    void rebuild(Path root, BuildOptions options) {
        Optional<String> refused = FileSystemRefusals.beforeBuilding(root, options,
                cacheOptions.off ? Optional.empty() : Optional.of(cacheOptions.folder(root)));   // ADR 0097
        if (refused.isPresent()) {
            System.err.println("error: " + refused.get());
            return;
        }
        try (BuildLock lock = BuildLock.ofCheckout(root, System.out);
             BuildLock work = BuildLock.ofWorkFolder(options.workDir(), System.out)) {   // and its work folder's (ADR 0100)
            PublishedOrigin.resolve(options, System.out);
            SiteBuild build = new SiteBuild(options, System.out::println, Optional.ofNullable(cache), tools);
            if (!cacheOptions.off) {
                build.keepingUnchangedSites(cacheOptions.folder(root));    // a save rebuilds only its school (ADR 0067)
            }
            BuildResult result = build.run();
            last = result;
            BuildCommand.summarise(result, root, options);
        } catch (IOException | RuntimeException e) {
            System.err.println(FileSystemRefusals.explain(e, root)
                    .map(why -> "error: " + why + "; the pages of the last good build are still served")
                    .orElse("error: rebuild failed (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); the pages of the last good build are still served: please report this to the Polisi maintainers"));
        }
    }

    private void watch(Path root, BuildOptions options) throws IOException, InterruptedException {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            for (Path top : new Path[]{options.contentDir(), options.themeDir()}) {
                try (Stream<Path> dirs = Files.walk(top)) {
                    for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                                StandardWatchEventKinds.ENTRY_DELETE);
                    }
                }
            }
            while (true) {
                WatchKey key = watcher.take();
                Thread.sleep(100);   // an editor's save is often several events: take them as one
                key.pollEvents();
                key.reset();
                while ((key = watcher.poll()) != null) {
                    key.pollEvents();
                    key.reset();
                }
                System.out.println("Change seen: rebuilding");
                rebuild(root, options);
            }
        }
    }
}
