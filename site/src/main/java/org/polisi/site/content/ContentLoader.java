package org.polisi.site.content;

import org.polisi.site.problem.ContentException;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads {@code content/}: every cluster template and school with its settings and pages.
 * Nothing is resolved here; a school's pages are exactly the files in its own folder.
 */
public final class ContentLoader {
    private ContentLoader() {
    }

    public static ContentTree load(Path contentRoot, Problems problems) {
        Map<String, SiteSource> clusters = new TreeMap<>();
        for (Path dir : subfolders(contentRoot.resolve("clusters"))) {
            Path file = dir.resolve("cluster.yml");
            if (!Files.isRegularFile(file)) {
                problems.error("missing-settings", dir, 0, "a cluster template needs a cluster.yml");
                continue;
            }
            String id = dir.getFileName().toString();
            clusters.put(id, loadSource(SiteSource.Kind.CLUSTER, id, dir, file, null, problems));
        }
        Map<String, SiteSource> schools = new TreeMap<>();
        for (Path dir : subfolders(contentRoot.resolve("schools"))) {
            Path file = dir.resolve("school.yml");
            if (!Files.isRegularFile(file)) {
                problems.error("missing-settings", dir, 0, "a school needs a school.yml");
                continue;
            }
            String id = dir.getFileName().toString();
            YamlFile yaml = YamlFile.read(file);
            Settings defaults = null;
            String adopts = yaml.text("adopts").orElse("");
            if (!adopts.isBlank() && !adopts.equals("none")) {
                SiteSource cluster = clusters.get(adopts);
                if (cluster == null) {
                    problems.error("unknown-cluster", file, yaml.lineOf("adopts"),
                            "adopts '" + adopts + "', but there is no content/clusters/" + adopts);
                } else {
                    defaults = cluster.settings();
                }
            }
            schools.put(id, loadSource(SiteSource.Kind.SCHOOL, id, dir, file, defaults, problems));
        }
        return new ContentTree(contentRoot, clusters, schools);
    }

    private static SiteSource loadSource(SiteSource.Kind kind, String id, Path dir, Path file,
                                         Settings defaults, Problems problems) {
        try {
            Settings settings = SettingsLoader.load(id, file, defaults, problems);
            Map<String, Map<String, SourcePage>> pages = new LinkedHashMap<>();
            for (Path languageDir : subfolders(dir)) {
                String language = languageDir.getFileName().toString();
                if (language.equals("forms") || language.equals("assets")) {   // assets/: the school's images
                    continue;
                }
                if (!settings.languages().contains(language)) {
                    problems.warning("unpublished-language", languageDir, 0,
                            "'" + language + "' is not among this site's languages " + settings.languages() + ": ignored");
                    continue;
                }
                pages.put(language, loadPages(languageDir, language));
            }
            return new SiteSource(kind, settings, dir, pages, dir.resolve("forms"));
        } catch (ContentException e) {
            e.problems().forEach(problems::add);
            return new SiteSource(kind, SettingsLoader.load(id, file, defaults, new Problems()), dir, Map.of(), dir.resolve("forms"));
        }
    }

    private static Map<String, SourcePage> loadPages(Path languageDir, String language) {
        Map<String, SourcePage> pages = new TreeMap<>();
        try (Stream<Path> files = Files.list(languageDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".adoc")).sorted().toList()) {
                String key = file.getFileName().toString().replaceFirst("\\.adoc$", "");
                pages.put(key, AsciidocSource.read(file, key, language));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    static List<Path> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
