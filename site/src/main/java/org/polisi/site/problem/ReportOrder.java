package org.polisi.site.problem;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order a build reports its problems in: first those that lie in no site's own folder (the
 * theme's words, a cluster template, a file-less one), then each site's, sites in build order, each
 * group in the order the stages found them. The order depends only on what was found, not on which
 * sites this build kept as published without building (docs/adr/0067-per-school-builds.md), so a
 * build that keeps some sites reports exactly what a cold build reports.
 */
public final class ReportOrder {
    private ReportOrder() {
    }

    /**
     * @param problems everything found, in the order found
     * @param ownDirs  each site's own folder, in build order (a template's preview: the template's folder)
     * @return the same problems, grouped by the site whose own folder holds each (a stable sort)
     */
    public static List<Problem> sorted(List<Problem> problems, List<Path> ownDirs) {
        List<Path> dirs = ownDirs.stream().map(dir -> dir.toAbsolutePath().normalize()).toList();
        return problems.stream().sorted(Comparator.comparingInt(problem -> owner(problem, dirs))).toList();
    }

    /** The index of the site whose own folder holds the problem's file (the deepest, so a nested one wins), or -1. */
    public static int owner(Problem problem, List<Path> dirs) {
        if (problem.file() == null) {
            return -1;
        }
        Path file = problem.file().toAbsolutePath().normalize();
        int owner = -1;
        for (int i = 0; i < dirs.size(); i++) {
            if (file.startsWith(dirs.get(i)) && (owner < 0 || dirs.get(i).getNameCount() > dirs.get(owner).getNameCount())) {
                owner = i;
            }
        }
        return owner;
    }

    /** Whether each problem lies in the own folder of a site that no other site reads ({@code folders}: each site's folders). */
    public static boolean eachInOneSite(List<Problem> problems, Map<String, ? extends List<Path>> folders, Map<String, Path> ownDirs) {
        for (Problem problem : problems) {
            if (problem.file() == null) {
                return false;
            }
            Path file = problem.file().toAbsolutePath().normalize();
            long readers = folders.values().stream()
                    .filter(dirs -> dirs.stream().anyMatch(dir -> file.startsWith(dir.toAbsolutePath().normalize()))).count();
            boolean own = ownDirs.values().stream().anyMatch(dir -> file.startsWith(dir.toAbsolutePath().normalize()));
            if (readers != 1 || !own) {
                return false;
            }
        }
        return true;
    }
}
