package org.polisi.site.render;

import org.polisi.site.compose.StagedPage;
import org.polisi.site.content.SourceLine;
import org.polisi.site.problem.Problem;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A page that could not be made into HTML because something threw (a fault of ours, of Asciidoctor
 * or of JBake, never an author's slip we know how to name): it becomes one {@code render-failed}
 * error located in the page's own site, so that {@link org.polisi.site.problem.Blame} holds back
 * that site alone and every other site is published (CONTRIBUTING.md, "What a build publishes").
 */
final class PageFault {
    static final String CODE = "render-failed";

    private PageFault() {
    }

    /** The innermost cause in one line: its class and message, never a stack trace. */
    static String describe(Throwable fault) {
        Throwable root = fault;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message.strip().lines().findFirst().orElse(""));
    }

    /**
     * The error for {@code page}, at the first line of its text that comes from the site's own
     * folder {@code ownDir} (a school's adaptation or page), or else at {@code ownDir} itself, so
     * that a template's line never holds back the other schools that adopt it.
     *
     * @param ownDir the site's own folder (null when unknown: then the page's first origin)
     * @param cause  what went wrong, in one line ({@link #describe})
     */
    static Problem of(StagedPage page, Path ownDir, String cause) {
        SourceLine at = page.origins().stream().filter(Objects::nonNull)
                .filter(line -> line.file() != null && (ownDir == null || line.file().toAbsolutePath().normalize()
                        .startsWith(ownDir.toAbsolutePath().normalize())))
                .findFirst().orElse(null);
        Path file = at != null ? at.file() : ownDir;
        String message = "the page " + page.url() + " could not be made into HTML (" + cause + "); this site keeps its last "
                + "good pages and the others are published. Look for an unusual construct near this line; if you find none, "
                + "please report this to the Polisi maintainers";
        return Problem.error(CODE, file, at != null ? at.number() : 0, message);
    }
}
