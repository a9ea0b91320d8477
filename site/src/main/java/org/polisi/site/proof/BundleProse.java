package org.polisi.site.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The prose of the theme's interface bundles ({@code <family>_<language>.properties}: the site's,
 * the forms' and the server's words), one message a line, at its line; and each key's English and
 * translated messages as counterparts. Keys, comments and ICU placeholders are not prose.
 */
final class BundleProse {
    private static final Pattern FILE = Pattern.compile("(.+)_([a-z]{2})\\.properties");
    private static final Pattern ENTRY = Pattern.compile("^([^#!=:\\s][^=:]*?)\\s*[=:]\\s*(.*)$");

    private BundleProse() {
    }

    static void read(Path i18nDir, List<Prose> prose, List<Counterparts> pairs) {
        if (!Files.isDirectory(i18nDir)) {
            return;
        }
        // family -> language -> key -> prose
        Map<String, Map<String, Map<String, Prose>>> families = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(i18nDir)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = FILE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    continue;
                }
                Map<String, Prose> messages = families.computeIfAbsent(name.group(1), f -> new LinkedHashMap<>())
                        .computeIfAbsent(name.group(2), l -> new LinkedHashMap<>());
                List<String> lines = org.polisi.site.content.SourceText.readStrictly(file).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    Matcher entry = ENTRY.matcher(lines.get(i).strip());
                    if (entry.matches()) {
                        Prose message = new Prose(file, i + 1, name.group(2), InlineText.ofMessage(entry.group(2)));
                        messages.put(entry.group(1), message);
                        prose.add(message);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundles in " + i18nDir, e);
        }
        families.values().forEach(languages -> {
            Map<String, Prose> english = languages.getOrDefault("en", Map.of());
            languages.forEach((language, messages) -> {
                if (!language.equals("en")) {
                    messages.forEach((key, message) -> {
                        Prose source = english.get(key);
                        if (source != null) {
                            pairs.add(new Counterparts(List.of(source), List.of(message)));
                        }
                    });
                }
            });
        });
    }

}
