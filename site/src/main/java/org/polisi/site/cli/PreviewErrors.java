package org.polisi.site.cli;

import org.jsoup.nodes.Entities;
import org.polisi.site.BuildResult;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Blame;
import org.polisi.site.problem.Problem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./polisi preview} adds to a page it serves while the last build found errors: a box
 * at the top of the page listing each error that holds the page's site back ({@code file:line:
 * message}), so an author sees in the browser why the page does not change. The published files
 * are never touched; only the preview's response carries the box.
 */
final class PreviewErrors {
    private PreviewErrors() {
    }

    /** The page with the errors of its site ({@code requestPath} {@code /<site>/...}) shown first; unchanged when there are none. */
    static String show(String html, String requestPath, BuildResult result, Path root) {
        String site = requestPath.replaceFirst("^/", "").replaceFirst("/.*", "");
        List<Problem> errors = new ArrayList<>();
        for (ResolvedSite resolved : result.sites()) {
            if (!resolved.id().equals(site)) {
                continue;
            }
            List<Path> folders = new ArrayList<>();
            resolved.template().ifPresent(t -> folders.add(t.dir()));
            folders.add(resolved.source().dir());
            result.errors().stream().filter(error -> !Blame.sitesStoppedBy(List.of(error), Map.of(site, folders)).isEmpty())
                    .forEach(errors::add);
        }
        if (errors.isEmpty()) {
            return html;
        }
        StringBuilder box = new StringBuilder("<section role=\"alert\" lang=\"en\" aria-labelledby=\"polisi-preview-errors\""
                + " style=\"border:5px solid #d4351c;padding:1rem;margin:1rem;background:#fff;color:#0b0c0c\">"
                + "<h2 id=\"polisi-preview-errors\">Preview: " + org.polisi.site.Counted.of(errors.size(), "error keeps", "errors keep")
                + " this site from being published (this is its last good version)</h2><ul>");
        errors.forEach(error -> box.append("<li><code>").append(Entities.escape(error.describe(root))).append("</code></li>"));
        box.append("</ul></section>");
        int body = html.indexOf("<body>");
        return body < 0 ? box + html : html.substring(0, body + "<body>".length()) + box + html.substring(body + "<body>".length());
    }
}
