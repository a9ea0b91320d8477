package org.polisi.site.content;

import org.polisi.site.problem.ContentException;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads {@code content/}: every cluster template and school with its settings and pages, each on
 * its own, so that a slip in one school's files never stops another from loading. Names are checked
 * here (school, cluster and page names must be slugs, see {@link Names}); a file with a bad name is
 * reported with the name to use and left out. Includes are expanded here ({@link Includes}).
 * Nothing is resolved; a school's pages are exactly the files in its own folder.
 */
public final class ContentLoader {
    /** Folders of a school or cluster that are not languages. */
    public static final String FORMS = "forms";
    public static final String ASSETS = "assets";

    private ContentLoader() {
    }

    public static ContentTree load(Path contentRoot, Problems problems) {
        return load(contentRoot, problems, Set.of());
    }

    /**
     * Loads every cluster template and every school but those of {@code skip}, whose folders are
     * not read at all (a build keeps them as published: docs/adr/0067-per-school-builds.md).
     */
    public static ContentTree load(Path contentRoot, Problems problems, Set<String> skip) {
        Set<String> unreadable = new TreeSet<>();
        Set<String> unreadableClusters = new TreeSet<>();
        Map<String, SiteSource> clusters = new TreeMap<>();
        for (Path dir : named(subfolders(contentRoot.resolve("clusters")), "cluster", problems)) {
            Path file = dir.resolve("cluster.yml");
            String id = dir.getFileName().toString();
            if (!Files.isRegularFile(file)) {
                problems.error("missing-settings", dir, 0, "a cluster template needs a cluster.yml");
                continue;
            }
            try {
                YamlFile yaml = YamlFile.read(file);
                SettingShapes.check(yaml);
                clusters.put(id, loadSource(SiteSource.Kind.CLUSTER, id, dir, yaml, null, List.of(dir), problems));
            } catch (ContentException e) {
                e.problems().forEach(problems::add);
                unreadableClusters.add(id);
            }
        }
        Map<String, SiteSource> schools = new TreeMap<>();
        for (Path dir : named(subfolders(contentRoot.resolve("schools")), "school", problems)) {
            Path file = dir.resolve("school.yml");
            String id = dir.getFileName().toString();
            if (skip.contains(id)) {
                continue;
            }
            if (!Files.isRegularFile(file)) {
                problems.error("missing-settings", dir, 0, "a school needs a school.yml");
                unreadable.add(id);     // held back by name, its last good output kept (not taken offline as a deleted school)
                continue;
            }
            try {
                YamlFile yaml = YamlFile.read(file);
                SettingShapes.check(yaml);     // a list where one value belongs would read as no value at all
                Settings defaults = null;
                List<Path> roots = new ArrayList<>(List.of(dir));
                String adopts = yaml.text("adopts").orElse("");
                if (!adopts.isBlank() && !adopts.equals("none")) {
                    SiteSource cluster = clusters.get(adopts);
                    if (cluster == null) {
                        problems.error("unknown-cluster", file, yaml.lineOf("adopts"), unreadableClusters.contains(adopts)
                                ? "adopts '" + adopts + "', whose cluster.yml cannot be read (see its error)"
                                : "adopts '" + adopts + "', but there is no content/clusters/" + adopts
                                + Names.nearest(adopts, clusters.keySet()).map(c -> ": did you mean '" + c + "'?").orElse(""));
                        unreadable.add(id);
                        continue;
                    }
                    defaults = cluster.settings();
                    roots.add(cluster.dir());
                }
                schools.put(id, loadSource(SiteSource.Kind.SCHOOL, id, dir, yaml, defaults, roots, problems));
            } catch (ContentException e) {
                e.problems().forEach(problems::add);
                unreadable.add(id);
            }
        }
        return new ContentTree(contentRoot, clusters, schools, Set.copyOf(unreadable), Set.copyOf(unreadableClusters));
    }

    /** The folders whose names are valid ids; the others are reported, with the name to use. */
    private static List<Path> named(List<Path> dirs, String what, Problems problems) {
        return dirs.stream().filter(dir -> {
            String name = dir.getFileName().toString();
            Optional<String> reserved = Names.isSlug(name) ? Names.reservedSchoolId(name) : Optional.empty();
            if (reserved.isPresent() && (what.equals("school") || !reserved.get().startsWith("/"))) {
                // a cluster's own site is <id>-template, so only a name Windows cannot make is refused for a cluster
                problems.error("reserved-name", dir, 0, "'" + name + "' cannot be a " + what + " id: " + reserved.get());
                return false;
            }
            if (Names.isSlug(name)) {
                return true;
            }
            problems.error("bad-name", dir, 0, "'" + name + "' cannot be a " + what + " id (it is part of every web address): "
                    + Names.advice(name));
            return false;
        }).toList();
    }

    private static SiteSource loadSource(SiteSource.Kind kind, String id, Path dir, YamlFile yaml,
                                         Settings defaults, List<Path> includeRoots, Problems problems) {
        Settings settings = SettingsLoader.load(id, yaml, defaults, problems);
        Map<String, Map<String, SourcePage>> pages = new LinkedHashMap<>();
        for (Path languageDir : subfolders(dir)) {
            String language = languageDir.getFileName().toString();
            if (language.equals(FORMS) || language.equals(ASSETS)) {
                continue;
            }
            if (!settings.languages().contains(language)) {
                problems.warning("unknown-folder", languageDir, 0, "'" + language + "' is not one of this site's languages "
                        + settings.languages() + ", nor forms/ or assets/ (images go in assets/): ignored");
                continue;
            }
            pages.put(language, loadPages(languageDir, language, includeRoots, problems));
        }
        return new SiteSource(kind, settings, dir, pages, dir.resolve(FORMS));
    }

    private static Map<String, SourcePage> loadPages(Path languageDir, String language, List<Path> includeRoots, Problems problems) {
        Map<String, SourcePage> pages = new TreeMap<>();
        try (Stream<Path> files = Files.list(languageDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".adoc")).sorted().toList()) {
                String key = file.getFileName().toString().replaceFirst("\\.adoc$", "");
                if (!Names.isSlug(key)) {
                    String suggestion = Names.suggestSlug(key);
                    problems.error("bad-name", file, 0, "'" + file.getFileName() + "' cannot be a page (its name is the page's web address): "
                            + (suggestion.isEmpty() ? "" : "rename it '" + suggestion + ".adoc' ")
                            + "(lower-case letters a-z and digits, words joined by hyphens)");
                    continue;
                }
                Optional<String> reserved = Names.reservedPageKey(key);
                if (reserved.isPresent()) {
                    problems.error("reserved-page-key", file, 0, "this page cannot be called '" + key + "': " + reserved.get());
                    continue;
                }
                SourcePage page = AsciidocSource.read(file, key, language, problems);
                PageHeaderValues.check(page, problems);
                pages.put(key, new SourcePage(page.key(), page.language(), page.file(), page.title(), page.titleLine(),
                        page.header(), Includes.expand(page.body(), includeRoots, problems), page.rawText()));
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
