package org.polisi.site.catalog;

import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.translation.TranslationState;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the first stages make of {@code content/}: the sites this build makes (schools and template
 * previews, each resolved over its template), every site id the content holds (so that the others'
 * last good output stays published), each site's form definitions and its translation states.
 *
 * @param sites        the sites to build, in content order
 * @param allIds       every site id in the content, built or not
 * @param forms        each site's forms by site id; a site whose definitions could not be read is absent
 * @param translations each site's translation states by site id
 * @param unreadable   the sites this build was asked for whose settings could not be read (a YAML
 *                     slip in school.yml, or in the cluster.yml of the template they adopt): not
 *                     built, so held back like any site with an error, their last good output kept
 */
public record SiteCatalog(List<ResolvedSite> sites, List<String> allIds, Map<String, SchoolForms> forms,
                          Map<String, List<TranslationState>> translations, List<String> unreadable) {

    public SiteCatalog {
        sites = List.copyOf(sites);
        allIds = List.copyOf(allIds);
        unreadable = List.copyOf(unreadable);
        forms = Map.copyOf(forms);
        translations = new LinkedHashMap<>(translations);
    }

    public Optional<SchoolForms> formsOf(String siteId) {
        return Optional.ofNullable(forms.get(siteId));
    }

    /** The folders each site is made of, by site id: what {@code problem.Blame} holds a site back by. */
    public Map<String, List<Path>> folders() {
        Map<String, List<Path>> folders = new LinkedHashMap<>();
        sites.forEach(site -> folders.put(site.id(), foldersOf(site)));
        return folders;
    }

    /** The folders a site is made of: its template's and its own. */
    public static List<Path> foldersOf(ResolvedSite site) {
        List<Path> dirs = new ArrayList<>();
        site.template().ifPresent(t -> dirs.add(t.dir()));
        dirs.add(site.source().dir());
        return dirs;
    }
}
