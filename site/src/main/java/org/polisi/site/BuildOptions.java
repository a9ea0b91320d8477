package org.polisi.site;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What a build is asked to do. {@code schools} empty means every school and every cluster
 * template's preview; otherwise only those are built and published, next to the others' last good
 * output. {@code strict} turns warnings into errors. {@code release} refuses to build while the
 * report's "to confirm with the school" section has open items. {@code today} decides which review
 * dates have passed (tests fix it).
 */
public record BuildOptions(Path contentDir, Path themeDir, Path outputDir, Path manifestsDir, Path workDir,
                           List<String> schools, boolean strict, LocalDate today, boolean release) {

    public BuildOptions(Path contentDir, Path themeDir, Path outputDir, Path manifestsDir, Path workDir,
                        List<String> schools, boolean strict, LocalDate today) {
        this(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, strict, today, false);
    }

    public static BuildOptions defaults(Path projectRoot) {
        Path target = projectRoot.resolve("site/target");
        return new BuildOptions(projectRoot.resolve("content"), projectRoot.resolve("themes/default"),
                target.resolve("public"), target.resolve("manifests"), target.resolve("build"),
                List.of(), false, LocalDate.now());
    }

    public BuildOptions withSchools(List<String> ids) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, List.copyOf(ids), strict, today, release);
    }

    public BuildOptions withStrict(boolean value) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, value, today, release);
    }

    public BuildOptions withRelease(boolean value) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, strict, today, value);
    }

    public BuildOptions withOutput(Path output) {
        return new BuildOptions(contentDir, themeDir, output, output.resolveSibling(output.getFileName() + "-manifests"),
                workDir, schools, strict, today, release);
    }

    public BuildOptions withToday(LocalDate date) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, strict, date, release);
    }
}
