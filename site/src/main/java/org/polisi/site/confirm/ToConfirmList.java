package org.polisi.site.confirm;

import org.polisi.site.catalog.SiteCatalog;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The report's section "to confirm with the school": every item of every {@link ConfirmationSource}.
 * {@code ./polisi report} lists them; {@code ./polisi build --release} refuses while any is open;
 * plain {@code build} and {@code serve} only count them. Other producers add themselves to
 * {@link #SOURCES}: the section is a list that any stage can add to, not a fixed set of checks.
 */
public final class ToConfirmList {
    /** Every producer of items, in the order their items are listed. */
    public static final List<ConfirmationSource> SOURCES = List.of(new ConfirmMarkers(), new PlaceholderAddresses(),
            new RetentionRulesToConfirm(), new SettingsToConfirm());

    private ToConfirmList() {
    }

    /**
     * Every open item for the site, from every producer, in file and line order.
     *
     * @param forms the site's form definitions from the catalog, or empty when they could not be read
     */
    public static List<ToConfirm> of(ResolvedSite site, Optional<SchoolForms> forms) {
        return of(site, forms, new HashMap<>());
    }

    /**
     * As {@link #of(ResolvedSite, Optional)}, with what file-local producers found in each file kept
     * in {@code scanned} (by producer, then file) for the next site that reads the same file: a
     * template's files are scanned once, not once per adopting school. The items are the same.
     */
    private static List<ToConfirm> of(ResolvedSite site, Optional<SchoolForms> forms,
                                      Map<ConfirmationSource, Map<Path, List<ToConfirm>>> scanned) {
        List<ToConfirm> items = new ArrayList<>();
        List<Path> files = null;
        Map<Path, List<String>> read = new HashMap<>();     // each file read and decoded once, whichever producer asks first
        for (ConfirmationSource source : SOURCES) {
            if (source instanceof FileConfirmationSource fileSource) {
                files = files == null ? filesOf(site) : files;
                Map<Path, List<ToConfirm>> byFile = scanned.computeIfAbsent(source, s -> new HashMap<>());
                for (Path file : files) {
                    items.addAll(byFile.computeIfAbsent(file, f -> fileSource.findIn(f, read.computeIfAbsent(f, ToConfirmList::lines))));
                }
            } else {
                items.addAll(source.find(site, forms));
            }
        }
        items.sort(Comparator.comparing((ToConfirm item) -> String.valueOf(item.file())).thenComparingInt(ToConfirm::line));
        return List.copyOf(items);
    }

    /**
     * Each site's open items, by site id; each placeholder address among them is also a warning
     * where it is written (once per file, line and address), and each setting given as one text
     * that a page in another language shows is a {@code setting-language} warning where the school's
     * page names it ({@link OneTextSettings#warnings}).
     */
    public static Map<String, List<ToConfirm>> bySite(SiteCatalog catalog, Problems problems) {
        Map<String, List<ToConfirm>> items = new LinkedHashMap<>();
        Set<String> warned = new HashSet<>();
        Map<ConfirmationSource, Map<Path, List<ToConfirm>>> scanned = new HashMap<>();
        for (ResolvedSite site : catalog.sites()) {
            List<ToConfirm> own = of(site, catalog.formsOf(site.id()), scanned);
            items.put(site.id(), own);
            own.stream().filter(item -> item.source().equals(PlaceholderAddresses.SOURCE))
                    .filter(item -> warned.add(item.file() + ":" + item.line() + item.what()))
                    .forEach(item -> problems.warning("placeholder", item.file(), item.line(),
                            item.what() + " would be published as if it were real: " + item.why()));
            // A setting in one language on another language's page: a warning where the page names it (ADR 0104).
            OneTextSettings.warnings(site, own).stream()
                    .filter(problem -> warned.add(problem.file() + ":" + problem.line() + problem.message()))
                    .forEach(problems::add);
        }
        return items;
    }

    /**
     * {@code --release}: every open item is an error where it is written.
     *
     * @return whether the release is refused (any error in {@code problems}, these or earlier ones)
     */
    public static boolean refuseRelease(Map<String, List<ToConfirm>> bySite, Problems problems) {
        bySite.values().forEach(items -> items.forEach(item -> problems.error("to-confirm", item.file(), item.line(),
                "--release: " + item.what() + " must be confirmed with the school first (" + item.why() + ")")));
        return problems.hasErrors();
    }

    /** The text files a site is made of (its own folder and its template's): pages, settings, forms. */
    static List<Path> filesOf(ResolvedSite site) {
        List<Path> dirs = new ArrayList<>();
        site.template().ifPresent(t -> dirs.add(t.dir()));
        dirs.add(site.source().dir());
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> f.toString().endsWith(".adoc") || f.toString().endsWith(".yml"))
                        .sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static List<String> lines(Path file) {
        try {
            return org.polisi.site.content.SourceText.decode(file, Files.readAllBytes(file)).text().lines().toList();
        } catch (IOException e) {
            return List.of();   // unreadable files are reported by the stage that reads them
        }
    }
}
