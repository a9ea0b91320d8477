package org.polisi.site.problem;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sites an error stops from being published: those whose files hold it. A site is made of
 * its own folder and its template's, so an error in a cluster template stops every school that
 * adopts it; an error in one school's files stops that school alone. An error located in no file
 * (the renderer failing) stops every site, since nothing says which it spares.
 */
public final class Blame {
    private Blame() {
    }

    /**
     * The ids (of {@code folders}: site id → the folders it is made of) that any of the errors
     * falls on. Problems in files outside every folder stop nothing (a school not being built).
     */
    public static Set<String> sitesStoppedBy(List<Problem> errors, Map<String, ? extends Collection<Path>> folders) {
        Set<String> stopped = new LinkedHashSet<>();
        for (Problem error : errors) {
            if (error.severity() != Problem.Severity.ERROR) {
                continue;
            }
            if (error.file() == null) {
                return Set.copyOf(folders.keySet());
            }
            Path file = error.file().toAbsolutePath().normalize();
            folders.forEach((site, dirs) -> {
                if (dirs.stream().anyMatch(dir -> file.startsWith(dir.toAbsolutePath().normalize()))) {
                    stopped.add(site);
                }
            });
        }
        return stopped;
    }
}
