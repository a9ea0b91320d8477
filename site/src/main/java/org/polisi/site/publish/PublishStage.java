package org.polisi.site.publish;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.polisi.site.BuildOptions;
import org.polisi.site.check.HtmlChecks;
import org.polisi.site.compose.ComposedSite;
import org.polisi.site.compose.IndexComposer;
import org.polisi.site.compose.StagedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.manifest.FormsManifestWriter;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.markup.FormsSession;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;
import org.polisi.site.problem.Verdict;
import org.polisi.site.render.FileTrees;
import org.polisi.site.render.CachedRender;
import org.polisi.site.render.JBakeRenderer;
import org.polisi.site.render.RenderCache;
import org.polisi.site.render.RenderKeys;
import org.polisi.site.render.RenderedSite;
import org.polisi.site.theme.Messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stage 7 as the build runs it: publishes the sites that passed ({@code fresh}) next to the last
 * good output of every other site the content still holds, with a root index listing all of them,
 * writes the fresh sites' forms manifests and merges them the same way, and swaps both folders in
 * whole ({@link AtomicPublisher}).
 */
public final class PublishStage {
    private final BuildOptions options;
    private final RenderCache cache;

    /** @param cache the build cache the root pages are rendered through, like every other page */
    public PublishStage(BuildOptions options, RenderCache cache) {
        this.options = options;
        this.cache = cache;
    }

    /**
     * Publishes {@code fresh} (nothing at all when it is empty) and adds the root pages' problems
     * to {@code verdict}; an error among them stops the whole publication.
     *
     * @param allIds   every site id the content holds (the others keep their last good output)
     * @param fresh    the sites to publish: those the verdict holds back neither before nor after archiving
     * @param titles   each rendered page's title, by URL, for the root index
     * @return the ids of the sites published, in order (none if the root pages had an error)
     * @throws IOException when the output, manifests or work folder cannot be written
     */
    public Set<String> publish(List<String> allIds, List<ResolvedSite> fresh, Map<String, Messages> messages,
                               Map<String, String> titles, ComposedSite composed, RenderedSite rendered,
                               Verdict verdict) throws IOException {
        return publish(allIds, fresh, Map.of(), messages, titles, composed, rendered, verdict);
    }

    /**
     * Publishes {@code fresh} and, as they are already published, the sites of {@code unchanged}
     * (a build kept them without building them: docs/adr/0067-per-school-builds.md), each listed
     * in the root index by its kept entry; nothing at all when both are empty.
     *
     * @param unchanged each kept site's entry in the root index ({@link IndexComposer#entry}), by site id
     * @return the ids of the sites published, fresh and kept, in the order of {@code allIds}
     */
    public Set<String> publish(List<String> allIds, List<ResolvedSite> fresh, Map<String, String> unchanged,
                               Map<String, Messages> messages, Map<String, String> titles, ComposedSite composed,
                               RenderedSite rendered, Verdict verdict) throws IOException {
        if (fresh.isEmpty() && unchanged.isEmpty()) {
            return Set.of();
        }
        List<Problem> rootProblems = publishFresh(allIds, fresh, unchanged, messages, titles, composed, rendered);
        verdict.addUnblamed(rootProblems);
        Set<String> freshIds = fresh.stream().map(ResolvedSite::id).collect(Collectors.toSet());
        return rootProblems.isEmpty() ? allIds.stream().filter(id -> freshIds.contains(id) || unchanged.containsKey(id))
                .collect(Collectors.toCollection(LinkedHashSet::new)) : Set.of();
    }

    /** The problems of the root pages; if there is any error among them nothing was published. */
    private List<Problem> publishFresh(List<String> allIds, List<ResolvedSite> fresh, Map<String, String> unchanged,
                                       Map<String, Messages> messages, Map<String, String> titles, ComposedSite composed,
                                       RenderedSite rendered) throws IOException {
        Set<String> freshIds = fresh.stream().map(ResolvedSite::id).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> kept = allIds.stream().filter(id -> !freshIds.contains(id)).toList();
        Path staging = options.workDir().resolve("publish");
        MergedTree.assemble(staging, rendered.built(), freshIds, options.outputDir(), kept, Set.of("assets"), id -> id);
        Map<String, String> entries = keptIndexEntries(kept.stream().filter(id -> !unchanged.containsKey(id)).toList());
        entries.putAll(unchanged);
        List<StagedPage> rootPages = new IndexComposer(allIds, fresh, titles, entries, messages).compose();
        Problems rootProblems = new Problems();
        new CachedRender(cache, new RenderKeys(options.themeDir(), List.of()),
                new JBakeRenderer(options.workDir(), options.themeDir().resolve("templates")), java.util.Map.of())
                .render(rootPages, staging, FormsSession.none(), rootProblems);
        new HtmlChecks(staging, rootProblems).check(rootPages);
        // Browsers ask for /favicon.ico on pages that name no icon (the server's own pages among them).
        Path favicon = options.themeDir().resolve("assets").resolve("favicon.ico");
        if (Files.isRegularFile(favicon)) {
            Files.copy(favicon, staging.resolve("favicon.ico"), StandardCopyOption.REPLACE_EXISTING);
        }
        if (rootProblems.hasErrors()) {
            return rootProblems.all();
        }
        SitemapIndex.write(staging); // crawlers ask at the root: an index of the schools' sitemaps, and robots.txt
        Path manifests = options.workDir().resolve("manifests");
        FileTrees.deleteRecursively(manifests);
        for (Map.Entry<String, FormsSchoolContext> school : composed.forms().entrySet()) {
            if (freshIds.contains(school.getKey())) {
                FormsManifestWriter.write(manifests, school.getKey(), school.getValue(), rendered.formsOf(school.getKey()));
            }
        }
        Path mergedManifests = options.workDir().resolve("publish-manifests");
        MergedTree.assemble(mergedManifests, manifests, freshIds, options.manifestsDir(), kept, Set.of(), id -> id + ".json");
        PublishedModes.apply(staging);   // readable by the web server as the umask allows (tester 3's fault 13)
        AtomicPublisher.publish(staging, options.outputDir());
        AtomicPublisher.publish(mergedManifests, options.manifestsDir());
        return List.of();
    }

    /** The previous root index's entry of each kept site, so that it stays listed as it was published. */
    private Map<String, String> keptIndexEntries(List<String> kept) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        Path index = options.outputDir().resolve("index.html");
        if (kept.isEmpty() || !Files.isRegularFile(index)) {
            return entries;
        }
        for (Element school : Jsoup.parse(Files.readString(index)).select("li.school")) {
            Element link = school.selectFirst("a[href]");
            String id = link == null ? "" : link.attr("href").replaceFirst("/.*", "");
            if (kept.contains(id) && Files.isDirectory(options.outputDir().resolve(id))) {
                entries.put(id, school.outerHtml());
            }
        }
        return entries;
    }
}
