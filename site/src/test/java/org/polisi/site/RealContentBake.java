package org.polisi.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.polisi.site.render.FileTrees;

/**
 * One strict bake of the real {@code content/} (dated {@link Fixtures#TODAY}), shared by the test classes
 * that only read what it publishes, so the suite bakes the real content once rather than once per class.
 * Deleted when the test JVM exits. Classes that change content or output must bake their own.
 */
record RealContentBake(BuildOptions options, BuildResult result) {
    private static RealContentBake baked;

    static synchronized RealContentBake get() {
        if (baked == null) {
            try {
                Path work = Files.createTempDirectory("polisi-real");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        FileTrees.deleteRecursively(work);
                    } catch (IOException ignored) {
                        // a temporary folder left behind is the operating system's to clear
                    }
                }));
                Path root = Fixtures.projectRoot();
                BuildOptions options = new BuildOptions(root.resolve("content"), root.resolve("themes/default"),
                        work.resolve("public"), work.resolve("manifests"), work.resolve("build"), List.of(), true,
                        Fixtures.TODAY, work.resolve("agreed-texts"));
                baked = new RealContentBake(options, Fixtures.build(options).run());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return baked;
    }
}
