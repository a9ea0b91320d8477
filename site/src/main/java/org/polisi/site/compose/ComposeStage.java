package org.polisi.site.compose;

import org.polisi.site.BuildProgress;
import org.polisi.site.catalog.SiteCatalog;
import org.polisi.site.check.TableCellLists;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.problem.Problems;
import org.polisi.site.theme.Messages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stage 4: checks what the sources embed and refer to (forms, images, lists in table cells) and
 * composes every page of every site of the catalogue, reporting each site through {@link BuildProgress}.
 * Sites are composed on every core (docs/adr/0090): each site's work is its own, with its own
 * problems, and the results are joined in the catalogue's order, so the pages, the problems and
 * the progress lines come out exactly as one thread would give them.
 */
public final class ComposeStage {
    private ComposeStage() {
    }

    /**
     * @param today the day the build runs as (review dates, "overdue")
     * @return every staged page, and each site's forms as the renderer needs them
     */
    public static ComposedSite compose(SiteCatalog catalog, Map<String, Messages> messages, LocalDate today,
                                       Problems problems, BuildProgress progress) {
        // Raw HTML across all sites on this thread, as before: it reads a template's settings once, at the first
        // school that adopts it, so its findings' order follows the sites' (ADR 0093).
        Problems rawHtml = new Problems();
        org.polisi.site.check.RawHtml.check(catalog.sites(), rawHtml);   // raw HTML and code-running links (ADR 0093)
        LanguageParity parity = new LanguageParity();
        PageComposer.Shared shared = new PageComposer.Shared();
        List<SiteComposed> composed = catalog.sites().parallelStream()
                .map(site -> compose(site, catalog, messages, today, parity, shared))
                .toList();   // in the catalogue's order, whichever thread composed each
        List<StagedPage> pages = new ArrayList<>();
        Map<String, FormsSchoolContext> forms = new LinkedHashMap<>();
        composed.forEach(site -> site.tables().all().forEach(problems::add));   // every site's tables first, as before
        rawHtml.all().forEach(problems::add);                                     // then raw HTML, as before
        for (SiteComposed site : composed) {
            site.problems().all().forEach(problems::add);
            pages.addAll(site.pages());
            site.forms().ifPresent(context -> forms.put(site.site().id(), context));
            progress.composed(site.site().id(), site.site().languages(), site.site().allPages().size());
        }
        return new ComposedSite(pages, forms);
    }

    /**
     * One site's part of the stage: what its tables' cells hold, then its pages (none when it
     * failed), its forms' context and what it found, in order.
     */
    private record SiteComposed(ResolvedSite site, Problems tables, List<StagedPage> pages, Optional<FormsSchoolContext> forms,
                                Problems problems) {
    }

    private static SiteComposed compose(ResolvedSite site, SiteCatalog catalog, Map<String, Messages> messages, LocalDate today,
                                        LanguageParity parity, PageComposer.Shared shared) {
        Problems tables = new Problems();
        TableCellLists.check(List.of(site), tables);
        Problems problems = new Problems();
        try {
            Optional<FormsSchoolContext> forms = catalog.formsOf(site.id()).map(own -> {
                FormReferences.check(site, own, problems);
                FormReferences.checkRoles(site, own, messages, problems);
                return FormReferences.context(site, own, messages);
            });
            ImageReferences.check(site, problems);
            parity.check(site, catalog.formsOf(site.id()), problems);
            PolicyDateChecks.check(site, today, problems);
            PolicyFactsParity.check(site, problems);
            List<StagedPage> pages = new PageComposer(site, messages, catalog.translations().get(site.id()), today, problems, shared)
                    .compose();
            return new SiteComposed(site, tables, pages, forms, problems);
        } catch (RuntimeException fault) {
            // a fault of ours on this site's content: this site alone is held back, the others go on
            problems.error("compose-failed", site.source().dir(), 0, "this site's pages could not be composed ("
                    + fault.getClass().getSimpleName() + (fault.getMessage() == null ? "" : ": " + fault.getMessage())
                    + "); it keeps its last good pages and the others are published. Please report this to the Polisi maintainers");
            return new SiteComposed(site, tables, List.of(), Optional.empty(), problems);
        }
    }
}
