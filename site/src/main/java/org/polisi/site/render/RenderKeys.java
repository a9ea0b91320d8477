package org.polisi.site.render;

import org.polisi.site.compose.StagedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.fork.SectionIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The key of everything a page's HTML depends on, for {@link RenderCache}: the page's composed
 * AsciiDoc (its text with includes expanded, and the chrome composed around it), the theme's
 * templates and message bundles, the definitions of its site's forms (the template's and the
 * school's), and its site's settings files. Two builds that give a page the same key give it the
 * same HTML and the same form versions.
 */
public final class RenderKeys {
    private final String theme;
    private final Map<String, String> bySite = new HashMap<>();

    public RenderKeys(Path themeDir, List<ResolvedSite> sites) {
        this.theme = digest(List.of(themeDir.resolve("templates"), themeDir.resolve("i18n")));
        for (ResolvedSite site : sites) {
            List<Path> inputs = new ArrayList<>();
            site.template().ifPresent(t -> {
                inputs.add(t.formsDir());
                inputs.add(t.settings().file());
            });
            inputs.add(site.source().formsDir());
            inputs.add(site.source().settings().file());
            bySite.put(site.id(), digest(inputs));
        }
    }

    /** The page's key: a hash, equal for equal inputs. */
    public String of(StagedPage page) {
        return SectionIndex.sha(page.asciidoc() + '\0' + theme + '\0' + bySite.getOrDefault(page.site(), ""));
    }

    /** A hash of the names and contents of the files (and of every file under the folders) given. */
    static String digest(List<Path> paths) {
        StringBuilder text = new StringBuilder();
        for (Path path : paths) {
            if (path == null || !Files.exists(path)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    text.append(file).append('\0').append(SectionIndex.sha(Files.readString(file))).append('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return SectionIndex.sha(text.toString());
    }
}
