package org.polisi.site.publish;

import org.polisi.site.render.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Assembles the next published tree from this build's output and the last good one, so that a
 * build publishes only the sites it built without errors: each of {@code fresh} comes from the new
 * output, each of {@code kept} (not asked for, or held back by an error) from what is published
 * now, and anything else (a school removed from content/) is left out. Files are linked, not
 * copied, where the file system allows, so keeping a large site costs next to nothing.
 */
public final class MergedTree {
    private MergedTree() {
    }

    /**
     * Fills {@code staging} (emptied first) with the entries named {@code <id>} (folders, or files
     * {@code <id>.json} for manifests, as {@code naming} says) taken from {@code fresh} in
     * {@code built} and from {@code kept} in {@code live}, plus every entry of {@code built} that
     * belongs to no site ({@code shared}: the theme's assets, the root pages).
     */
    public static void assemble(Path staging, Path built, Collection<String> fresh, Path live, Collection<String> kept,
                                Set<String> shared, Naming naming) throws IOException {
        FileTrees.deleteRecursively(staging);
        Files.createDirectories(staging);
        // Each entry is its own subtree: linked on several threads, as linking thousands of files
        // waits on the disk (docs/adr/0091); the tree made is the same in any order.
        List<Path[]> links = new ArrayList<>();
        for (String id : fresh) {
            links.add(new Path[] {built.resolve(naming.entry(id)), staging.resolve(naming.entry(id))});
        }
        for (String id : kept) {
            links.add(new Path[] {live.resolve(naming.entry(id)), staging.resolve(naming.entry(id))});
        }
        for (String name : shared) {
            links.add(new Path[] {built.resolve(name), staging.resolve(name)});
        }
        FileTrees.inParallel(links, link -> link(link[0], link[1]));
    }

    /** How a site's entry is named: its folder ({@code rumney}) or its manifest ({@code rumney.json}). */
    public interface Naming {
        String entry(String siteId);
    }

    /** Hard-links a file or every file of a folder (copies where links are not possible); nothing when absent. */
    static void link(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to.toAbsolutePath().getParent());
            try {
                Files.createLink(to, from);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(from, to);
            }
            return;
        }
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    link(path, target);
                }
            }
        }
    }
}
