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

/**
 * Stage 4: checks what the sources embed and refer to (forms, images, lists in table cells) and
 * composes every page of every site of the catalogue, reporting each site through {@link BuildProgress}.
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
        TableCellLists.check(catalog.sites(), problems);
        org.polisi.site.check.RawHtml.check(catalog.sites(), problems);   // raw HTML and code-running links (ADR 0093)
        List<StagedPage> pages = new ArrayList<>();
        Map<String, FormsSchoolContext> forms = new LinkedHashMap<>();
        for (ResolvedSite site : catalog.sites()) {
            try {
                catalog.formsOf(site.id()).ifPresent(own -> {
                    FormReferences.check(site, own, problems);
                    FormReferences.checkRoles(site, own, messages, problems);
                    forms.put(site.id(), FormReferences.context(site, own, messages));
                });
                ImageReferences.check(site, problems);
                LanguageParity.check(site, catalog.formsOf(site.id()), problems);
                PolicyDateChecks.check(site, today, problems);
                pages.addAll(new PageComposer(site, messages, catalog.translations().get(site.id()), today, problems).compose());
            } catch (RuntimeException fault) {
                // a fault of ours on this site's content: this site alone is held back, the others go on
                forms.remove(site.id());
                pages.removeIf(page -> page.site().equals(site.id()));
                problems.error("compose-failed", site.source().dir(), 0, "this site's pages could not be composed ("
                        + fault.getClass().getSimpleName() + (fault.getMessage() == null ? "" : ": " + fault.getMessage())
                        + "); it keeps its last good pages and the others are published. Please report this to the Polisi maintainers");
            }
            progress.composed(site.id(), site.languages(), site.allPages().size());
        }
        return new ComposedSite(pages, forms);
    }
}
