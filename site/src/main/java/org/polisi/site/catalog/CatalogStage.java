package org.polisi.site.catalog;

import org.polisi.site.BuildOptions;
import org.polisi.site.content.BaseUrls;
import org.polisi.site.content.ContentLoader;
import org.polisi.site.content.ContentTree;
import org.polisi.site.content.PerBody;
import org.polisi.site.content.SiteSource;
import org.polisi.site.fork.ForkResolver;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.fork.SectionIndex;
import org.polisi.site.forms.definition.FormDefinitionException;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.problem.Problems;
import org.polisi.site.translation.EnglishChanges;
import org.polisi.site.translation.TranslationPairer;
import org.polisi.site.translation.TranslationState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Stages 1 to 3: load {@code content/}, resolve each site over its template (a cluster template is
 * also built as its own preview site, {@code <cluster>-template}), read each site's form
 * definitions (the template's, then its own) and pair its translations. Every problem goes into the
 * build's {@link Problems}, located at its file and line; loading reads every school, but only what
 * concerns the sites being built (or no site) is reported.
 */
public final class CatalogStage {
    /** Cluster templates are baked as their own preview site under this suffix. */
    public static final String TEMPLATE_PREVIEW_SUFFIX = "-template";

    private CatalogStage() {
    }

    /** @return the catalogue of the sites {@code options} asks for (all when it names none) */
    public static SiteCatalog load(BuildOptions options, Problems problems) {
        return load(options, problems, Set.of());
    }

    /**
     * The catalogue without the sites of {@code kept}, which are neither read nor resolved but stay
     * among {@link SiteCatalog#allIds()} in their place (docs/adr/0067-per-school-builds.md).
     */
    public static SiteCatalog load(BuildOptions options, Problems problems, Set<String> kept) {
        Problems loading = new Problems();
        ContentTree tree = ContentLoader.load(options.contentDir(), loading, kept);
        List<ResolvedSite> sites = new ArrayList<>();
        List<String> allIds = new ArrayList<>();
        Set<String> schoolIds = new TreeSet<>(tree.schools().keySet());
        kept.stream().filter(id -> !id.endsWith(TEMPLATE_PREVIEW_SUFFIX) || !tree.clusters().containsKey(
                id.substring(0, id.length() - TEMPLATE_PREVIEW_SUFFIX.length()))).forEach(schoolIds::add);
        List<Resolving> toResolve = new ArrayList<>();   // in the order sites are built and their problems reported
        for (String id : schoolIds) {
            allIds.add(id);
            SiteSource school = tree.schools().get(id);
            if (school != null && (options.schools().isEmpty() || options.schools().contains(school.id()))) {
                toResolve.add(new Resolving(servedAt(school, options), school.settings().adopts().flatMap(tree::cluster)));
            }
        }
        List<String> unreadable = new ArrayList<>(tree.unreadable());
        tree.unreadableClusters().forEach(cluster -> unreadable.add(cluster + TEMPLATE_PREVIEW_SUFFIX));
        allIds.addAll(unreadable);
        unreadable.removeIf(id -> !options.schools().isEmpty() && !options.schools().contains(id));
        for (SiteSource cluster : tree.clusters().values()) {
            String previewId = cluster.id() + TEMPLATE_PREVIEW_SUFFIX;
            allIds.add(previewId);
            if (!kept.contains(previewId) && (options.schools().isEmpty() || options.schools().contains(previewId))) {
                toResolve.add(new Resolving(servedAt(asPreview(cluster, previewId), options), Optional.empty()));
            }
        }
        // Each site is resolved and its forms read on any core (docs/adr/0090): its own work, with its own
        // problems, joined in the sites' order, so the catalogue and its report are what one thread gives.
        PerBody<SectionIndex> templateSections = ForkResolver.templateSections();
        List<Resolved> resolved = toResolve.parallelStream().map(site -> {
            Problems found = new Problems();
            ResolvedSite resolvedSite = ForkResolver.resolve(site.source(), site.template(), found, templateSections);
            Problems formProblems = new Problems();
            return new Resolved(resolvedSite, found, forms(resolvedSite, formProblems), formProblems);
        }).toList();
        resolved.forEach(site -> {
            sites.add(site.site());
            site.problems().all().forEach(problems::add);
        });
        reportLoading(options, tree, sites, loading, problems);
        for (String wanted : options.schools()) {
            if (sites.stream().noneMatch(s -> s.id().equals(wanted)) && !unreadable.contains(wanted)) {
                problems.error("unknown-school", options.contentDir().resolve("schools").resolve(wanted), 0,
                        "no school '" + wanted + "' in content/schools");
            }
        }
        Map<String, SchoolForms> forms = new LinkedHashMap<>();
        Map<String, List<TranslationState>> translations = new LinkedHashMap<>();
        try (EnglishChanges changes = new EnglishChanges(options.contentDir())) {
            for (Resolved site : resolved) {
                site.formProblems().all().forEach(problems::add);
                site.forms().ifPresent(loaded -> forms.put(site.site().id(), loaded));
                // on this thread: the content's history is read on demand, by one reader
                translations.put(site.site().id(), TranslationPairer.pair(site.site(), problems, changes));
            }
        }
        return new SiteCatalog(sites, List.copyOf(new LinkedHashSet<>(allIds)), forms, translations, unreadable);
    }

    /** A site to resolve: its source (a school, or a template as its own preview) and the template it adopts. */
    private record Resolving(SiteSource source, Optional<SiteSource> template) {
    }

    /** A resolved site with what resolving it found, and its forms with what reading them found. */
    private record Resolved(ResolvedSite site, Problems problems, Optional<SchoolForms> forms, Problems formProblems) {
    }

    /**
     * The site with the base address its pages will be published under: a {@code base-url} on this
     * machine follows where the build will be served ({@link BaseUrls}), so every absolute address
     * the build writes (canonical, hreflang, sitemaps, robots.txt) names the server actually running.
     */
    private static SiteSource servedAt(SiteSource site, BuildOptions options) {
        String base = BaseUrls.effective(site.settings().baseUrl(), Optional.ofNullable(options.servedAt()));
        return base.equals(site.settings().baseUrl()) ? site : new SiteSource(site.kind(), site.settings().withBaseUrl(base),
                site.dir(), site.pagesByLanguage(), site.formsDir());
    }

    /** Where a site's forms are, lowest precedence first: its template's folder, then its own. */
    public static List<Path> formsDirs(ResolvedSite site) {
        List<Path> dirs = new ArrayList<>();
        site.template().ifPresent(template -> dirs.add(template.formsDir()));
        dirs.add(site.source().formsDir());
        return dirs;
    }

    /** The site's form definitions, or empty after reporting every problem in them (file and line each). */
    private static Optional<SchoolForms> forms(ResolvedSite site, Problems problems) {
        try {
            return Optional.of(SchoolForms.load(site.id(), site.languages(), formsDirs(site)));
        } catch (FormDefinitionException e) {
            e.problems().forEach(p -> problems.error("bad-form", p.file(), p.line(), p.message()));
            return Optional.empty();
        }
    }

    /**
     * Loading reads every school; report only what concerns the sites being built, and what
     * concerns no site (a folder with a bad name, an unreadable settings file).
     */
    private static void reportLoading(BuildOptions options, ContentTree tree, List<ResolvedSite> sites,
                                      Problems loading, Problems problems) {
        List<Path> others = new ArrayList<>();
        tree.schools().values().forEach(s -> others.add(s.dir()));
        tree.clusters().values().forEach(c -> others.add(c.dir()));
        sites.forEach(site -> others.removeAll(SiteCatalog.foldersOf(site)));
        loading.all().stream()
                .filter(p -> p.file() == null || others.stream().noneMatch(dir -> within(p.file(), dir)))
                .filter(p -> options.schools().isEmpty() || p.file() == null
                        || sites.stream().anyMatch(site -> SiteCatalog.foldersOf(site).stream().anyMatch(dir -> within(p.file(), dir)))
                        || options.schools().stream().anyMatch(id -> within(p.file(), options.contentDir().resolve("schools").resolve(id))))
                .forEach(problems::add);
    }

    private static boolean within(Path file, Path dir) {
        return file.toAbsolutePath().startsWith(dir.toAbsolutePath());
    }

    private static SiteSource asPreview(SiteSource cluster, String previewId) {
        return new SiteSource(SiteSource.Kind.CLUSTER, cluster.settings().withId(previewId), cluster.dir(),
                cluster.pagesByLanguage(), cluster.formsDir());
    }
}
