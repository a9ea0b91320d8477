package org.polisi.site.cli;

import org.polisi.site.BuildOptions;
import org.polisi.site.buildserver.BuildLock;
import org.polisi.site.render.RenderCache;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ./polisi clean [--cache DIR]}: deletes the build cache and the build's work folder (earlier
 * versions' HTML for the history pages, the proofing's remembered answers), so that the next build
 * converts and checks everything afresh. The published sites, the forms manifests and the archive
 * of agreed texts are kept: the server goes on serving them.
 */
@Command(name = "clean", description = "Delete the build cache and work folder (the published sites are kept).")
public final class CleanCommand implements Callable<Integer> {
    @Mixin
    CacheOptions cacheOptions;

    @Override
    public Integer call() throws Exception {
        Path root = PolisiCli.projectRoot();
        Path cache = cacheOptions.folder(root);
        Path work = BuildOptions.defaults(root).workDir();
        boolean any;
        try (BuildLock lock = BuildLock.ofCheckout(root, System.out)) {   // never under a build in progress (ADR 0088)
            any = RenderCache.clean(cache);
            any |= RenderCache.clean(work);
        }
        System.out.println(any ? "Deleted " + root.relativize(cache) + " and " + root.relativize(work)
                : "Nothing to delete: there is no build cache or work folder");
        return 0;
    }
}
