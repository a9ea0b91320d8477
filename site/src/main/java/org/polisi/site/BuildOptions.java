package org.polisi.site;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What a build is asked to do. {@code schools} empty means every school and every cluster
 * template's preview. {@code today} decides which review dates have passed (tests fix it).
 */
public record BuildOptions(Path contentDir, Path themeDir, Path outputDir, Path manifestsDir, Path workDir,
                           List<String> schools, boolean strict, LocalDate today) {

    public static BuildOptions defaults(Path projectRoot) {
        Path target = projectRoot.resolve("site/target");
        return new BuildOptions(projectRoot.resolve("content"), projectRoot.resolve("themes/default"),
                target.resolve("public"), target.resolve("manifests"), target.resolve("build"),
                List.of(), false, LocalDate.now());
    }

    public BuildOptions withSchools(List<String> ids) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, List.copyOf(ids), strict, today);
    }

    public BuildOptions withStrict(boolean value) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, value, today);
    }

    public BuildOptions withOutput(Path output) {
        return new BuildOptions(contentDir, themeDir, output, output.resolveSibling(output.getFileName() + "-manifests"),
                workDir, schools, strict, today);
    }

    public BuildOptions withToday(LocalDate date) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, strict, date);
    }
}
