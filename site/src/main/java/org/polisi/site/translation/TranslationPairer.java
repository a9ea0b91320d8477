package org.polisi.site.translation;

import org.polisi.site.content.SiteSource;
import org.polisi.site.content.SourcePage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.fork.SectionIndex;
import org.polisi.site.problem.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Stage 3: pairs each page with its counterparts. Every page of a bilingual school must exist in
 * each of its languages (a missing one fails the build); each translated file is compared with
 * the hash of the English file it says it was translated from, to find stale translations.
 */
public final class TranslationPairer {
    public static final String SOURCE_LANGUAGE = "en";

    private TranslationPairer() {
    }

    public static List<TranslationState> pair(ResolvedSite site, Problems problems) {
        List<TranslationState> states = new ArrayList<>();
        Map<String, ?> english = site.pages(SOURCE_LANGUAGE);
        for (String language : site.languages()) {
            if (language.equals(SOURCE_LANGUAGE)) {
                continue;
            }
            TreeSet<String> keys = new TreeSet<>(english.keySet());
            keys.addAll(site.pages(language).keySet());
            for (String key : keys) {
                var englishPage = site.page(SOURCE_LANGUAGE, key);
                var translated = site.page(language, key);
                if (translated.isEmpty()) {
                    problems.error("missing-translation", englishPage.get().file(), 1,
                            "page '" + key + "' has no '" + language + "' counterpart (content/.../" + language + "/" + key + ".adoc)");
                    states.add(new TranslationState(key, language, TranslationState.Status.MISSING, false, null, null, englishPage.get().file()));
                    continue;
                }
                if (englishPage.isEmpty()) {
                    problems.error("missing-source", translated.get().file(), 1,
                            "page '" + key + "' exists in '" + language + "' but not in English");
                    continue;
                }
                states.add(stateOf(site, key, language, problems));
            }
        }
        return List.copyOf(states);
    }

    /** A page's state combines the files it is made of: a template page and the school's changes. */
    private static TranslationState stateOf(ResolvedSite site, String key, String language, Problems problems) {
        List<FileState> files = new ArrayList<>();
        site.template().ifPresent(t -> fileState(t, key, language, problems).ifPresent(files::add));
        fileState(site.source(), key, language, problems).ifPresent(files::add);
        boolean reviewed = !files.isEmpty() && files.stream().allMatch(FileState::reviewed);
        FileState first = files.stream().filter(FileState::stale).findFirst()
                .orElse(files.isEmpty() ? null : files.get(files.size() - 1));
        return new TranslationState(key, language,
                reviewed ? TranslationState.Status.REVIEWED : TranslationState.Status.DRAFT,
                files.stream().anyMatch(FileState::stale),
                first == null ? null : first.recorded(), first == null ? null : first.current(),
                first == null ? site.page(language, key).get().file() : first.translated().file());
    }

    private record FileState(SourcePage translated, boolean reviewed, boolean stale, String recorded, String current) {
    }

    private static Optional<FileState> fileState(SiteSource source, String key, String language, Problems problems) {
        Optional<SourcePage> translated = source.page(language, key);
        Optional<SourcePage> english = source.page(SOURCE_LANGUAGE, key);
        if (translated.isEmpty() || english.isEmpty()) {
            return Optional.empty();
        }
        String status = translated.get().attribute("translation-status");
        if (!status.equals("draft") && !status.equals("reviewed")) {
            problems.warning("translation-status", translated.get().file(), translated.get().titleLine(),
                    ":translation-status: should be draft or reviewed (treated as draft)");
        }
        String recorded = translated.get().attribute("translated-from");
        String current = hashOf(english.get());
        boolean stale = !recorded.equals(current);
        return Optional.of(new FileState(translated.get(), status.equals("reviewed"), stale,
                recorded.isBlank() ? null : recorded, current));
    }

    /** The hash a translation records: the English file's text, line endings and trailing spaces ignored. */
    public static String hashOf(SourcePage english) {
        StringBuilder normalised = new StringBuilder();
        for (String line : english.rawText().replace("\r\n", "\n").split("\n")) {
            normalised.append(line.stripTrailing()).append('\n');
        }
        return SectionIndex.sha(normalised.toString().strip());
    }
}
