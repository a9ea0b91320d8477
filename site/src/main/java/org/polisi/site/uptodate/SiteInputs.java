package org.polisi.site.uptodate;

import org.polisi.site.BuildOptions;
import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.content.YamlFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The fingerprint of what each site of a build reads (docs/adr/0067-per-school-builds.md), as 64
 * hex digits of SHA-256 (FIPS 180-4) over length-prefixed parts: what every site shares
 * ({@link BuildInputs#shared}: options, properties, code, git state, the theme and every file under
 * {@code content/} outside the schools' and templates' folders), then
 * <ul>
 *   <li>for a school {@code content/schools/<id>/}: every file of its folder, and every file of
 *       the folder of the cluster template its {@code school.yml} adopts (its pages, settings,
 *       forms, word list and images inherit from there); when its settings cannot be read, every
 *       cluster template's folder;</li>
 *   <li>for a template's preview {@code <cluster>-template}: every cluster template's folder.</li>
 * </ul>
 * A site reads nothing else: includes are confined to its own folder and its template's
 * ({@code content.Includes}). Equal fingerprints mean building the site again would read the same
 * things; what it links to in other sites is followed by {@link SiteRecords}.
 */
public final class SiteInputs {
    private final String shared;
    private final Map<String, String> schools;
    /** Each school's template part: the folder of the cluster it adopts, none, or every cluster's when its settings cannot be read. */
    private final Map<String, String> templates;
    private final String clusters;
    private final Map<String, String> previews;

    private SiteInputs(String shared, Map<String, String> schools, Map<String, String> templates, String clusters,
                       Map<String, String> previews) {
        this.shared = shared;
        this.schools = schools;
        this.templates = templates;
        this.clusters = clusters;
        this.previews = previews;
    }

    /**
     * Reads and hashes every input of a build with {@code options} now.
     *
     * @throws UncheckedIOException when a file cannot be read
     */
    public static SiteInputs of(BuildOptions options) {
        BuildInputs.Digest clusters = new BuildInputs.Digest();
        Map<String, String> clusterFolders = new TreeMap<>();
        Map<String, String> previews = new TreeMap<>();
        for (Path dir : folders(options.contentDir().resolve("clusters"))) {
            String id = dir.getFileName().toString();
            clusterFolders.put(id, BuildInputs.folder(dir));
            clusters.add(id, clusterFolders.get(id));
            previews.put(id + CatalogStage.TEMPLATE_PREVIEW_SUFFIX, id);
        }
        String everyCluster = clusters.hex();      // once: a digest is spent when read
        Map<String, String> schools = new TreeMap<>();
        Map<String, String> templates = new TreeMap<>();
        for (Path dir : folders(options.contentDir().resolve("schools"))) {
            String id = dir.getFileName().toString();
            schools.put(id, BuildInputs.folder(dir));
            templates.put(id, adopted(dir.resolve("school.yml"), clusterFolders).orElse("every template " + everyCluster));
        }
        return new SiteInputs(BuildInputs.shared(options), schools, templates, everyCluster, previews);
    }

    /**
     * The template part of a school's fingerprint: none when its settings adopt no cluster, the
     * adopted cluster's folder when they do (absent or not), empty when they cannot be read (then
     * every cluster's). The settings file is in the school's folder, so its fingerprint covers the choice.
     */
    private static Optional<String> adopted(Path settings, Map<String, String> clusterFolders) {
        try {
            String adopts = YamlFile.read(settings).text("adopts").orElse("").strip();
            if (adopts.isEmpty() || adopts.equals("none")) {
                return Optional.of("no template");
            }
            return Optional.of("template " + adopts + " " + clusterFolders.getOrDefault(adopts, "(absent)"));
        } catch (RuntimeException unreadable) {     // a missing or broken school.yml: reported by the build
            return Optional.empty();
        }
    }

    /** What every site shares: equal before and after means no site's shared inputs changed. */
    public String shared() {
        return shared;
    }

    /** The fingerprint of the site {@code id}, or empty when the content has no folder for it. */
    public Optional<String> of(String id) {
        BuildInputs.Digest digest = new BuildInputs.Digest();
        if (schools.containsKey(id)) {
            digest.add("school", id, shared, schools.get(id), templates.get(id));
        } else if (previews.containsKey(id)) {
            digest.add("template preview", id, shared, clusters);
        } else {
            return Optional.empty();
        }
        return Optional.of(digest.hex());
    }

    private static java.util.List<Path> folders(Path parent) {
        if (!Files.isDirectory(parent)) {
            return java.util.List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
