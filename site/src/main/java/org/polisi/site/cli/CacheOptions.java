package org.polisi.site.cli;

import org.polisi.site.render.RenderCache;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The build cache options every building command shares: {@code --cache DIR} and {@code --no-cache} (docs/adr/0055). */
final class CacheOptions {
    @Option(names = "--cache", paramLabel = "DIR",
            description = "the build cache: pages whose inputs are unchanged are copied from it, not converted (default "
                    + RenderCache.DEFAULT_DIR + ")")
    Path dir;

    @Option(names = "--no-cache", description = "convert every page, and neither read nor write the build cache")
    boolean off;

    /** The cache these options name, under {@code root} unless {@code --cache} gave another folder. */
    RenderCache cache(Path root) {
        return off ? RenderCache.disabled() : RenderCache.at(folder(root));
    }

    Path folder(Path root) {
        return dir == null ? root.resolve(RenderCache.DEFAULT_DIR) : dir.toAbsolutePath();
    }
}
