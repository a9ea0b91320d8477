package org.polisi.site;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What a build is asked to do. {@code schools} empty means every school and every cluster
 * template's preview; otherwise only those are built and published, next to the others' last good
 * output. {@code strict} turns warnings into errors. {@code today} decides which review dates have
 * passed (tests fix it) and is the date a new agreed text is first published. {@code agreedTextsDir}
 * is the archive of agreed texts (docs/adr/0036-archive-of-agreed-texts.md): outside the
 * replaceable output, only ever added to. {@code release} refuses to build while the report's
 * "to confirm with the school" section has open items. {@code servedAt} is the origin the built
 * pages will be served at on this machine ({@code http://localhost:8080} for {@code ./polisi serve
 * --port 8080}), or null when unknown: a school whose {@code base-url} is on this machine gets its
 * canonical, hreflang and sitemap addresses there ({@link org.polisi.site.content.BaseUrls}).
 */
public record BuildOptions(Path contentDir, Path themeDir, Path outputDir, Path manifestsDir, Path workDir,
                           List<String> schools, boolean strict, LocalDate today, Path agreedTextsDir, boolean release,
                           java.net.URI servedAt) {

    public BuildOptions(Path contentDir, Path themeDir, Path outputDir, Path manifestsDir, Path workDir,
                        List<String> schools, boolean strict, LocalDate today, Path agreedTextsDir, boolean release) {
        this(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, strict, today, agreedTextsDir, release, null);
    }

    /** The environment variable the forms server also reads for the archive's folder. */
    public static final String AGREED_TEXTS_VARIABLE = "POLISI_AGREED_TEXTS_DIR";

    public BuildOptions(Path contentDir, Path themeDir, Path outputDir, Path manifestsDir, Path workDir,
                        List<String> schools, boolean strict, LocalDate today, Path agreedTextsDir) {
        this(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, strict, today, agreedTextsDir, false);
    }

    public static BuildOptions defaults(Path projectRoot) {
        Path target = projectRoot.resolve("site/target");
        String configured = System.getenv(AGREED_TEXTS_VARIABLE);
        Path archive = configured == null || configured.isBlank() ? projectRoot.resolve("data/agreed-texts")
                : projectRoot.resolve(configured);
        return new BuildOptions(projectRoot.resolve("content"), projectRoot.resolve("themes/default"),
                target.resolve("public"), target.resolve("manifests"), target.resolve("build"),
                List.of(), false, LocalDate.now(), archive);
    }

    public BuildOptions withSchools(List<String> ids) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, List.copyOf(ids), strict, today,
                agreedTextsDir, release, servedAt);
    }

    public BuildOptions withStrict(boolean value) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, value, today, agreedTextsDir, release, servedAt);
    }

    public BuildOptions withRelease(boolean value) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, strict, today, agreedTextsDir, value, servedAt);
    }

    public BuildOptions withOutput(Path output) {
        return new BuildOptions(contentDir, themeDir, output, output.resolveSibling(output.getFileName() + "-manifests"),
                workDir, schools, strict, today, agreedTextsDir, release, servedAt);
    }

    public BuildOptions withToday(LocalDate date) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, strict, date, agreedTextsDir, release, servedAt);
    }

    public BuildOptions withAgreedTexts(Path folder) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, strict, today, folder, release, servedAt);
    }

    /** @param origin where the built pages will be served on this machine (scheme, host and port), or null */
    public BuildOptions withServedAt(java.net.URI origin) {
        return new BuildOptions(contentDir, themeDir, outputDir, manifestsDir, workDir, schools, strict, today,
                agreedTextsDir, release, origin);
    }
}
