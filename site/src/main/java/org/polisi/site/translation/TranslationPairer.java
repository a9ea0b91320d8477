package org.polisi.site.translation;

import org.polisi.site.content.SiteSource;
import org.polisi.site.content.SourcePage;
import org.polisi.site.fork.Directive;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.fork.Section;
import org.polisi.site.fork.SectionIndex;
import org.polisi.site.problem.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Stage 3: pairs each page with its counterparts. Every page of a bilingual school must exist in
 * each of its languages (a missing one fails the build), and a page that adapts its template must
 * adapt it the same way in each; each translated file is compared with the hash of the English
 * file it says it was translated from, to find stale translations.
 */
public final class TranslationPairer {
    public static final String SOURCE_LANGUAGE = "en";

    private TranslationPairer() {
    }

    /** As {@link #pair(ResolvedSite, Problems, EnglishChanges)} without the content's history. */
    public static List<TranslationState> pair(ResolvedSite site, Problems problems) {
        return pair(site, problems, EnglishChanges.none());
    }

    /**
     * @param changes the English files' changes since each translation (the content's git history)
     * @return one state per translated page (draft, reviewed, stale: its English files, or a text of a
     *         form it embeds, {@link FormTranslations}) or missing counterpart
     */
    public static List<TranslationState> pair(ResolvedSite site, Problems problems, EnglishChanges changes) {
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
                states.add(stateOf(site, key, language, problems, changes));
                if (!sameAdaptation(site, key, language, problems)) {
                    states.add(new TranslationState(key, language, TranslationState.Status.MISSING, false, null, null,
                            translated.get().file()));
                }
            }
        }
        // a page is stale too where a form it embeds has a text whose English changed since its translation (docs/adr/0099)
        return FormTranslations.apply(site, states, problems, changes);
    }

    /**
     * Whether the page adapts the template in {@code language} exactly as it does in English: the
     * same replace, remove, insert and append directives on the same section ids, inserting
     * sections with the same ids. Each difference is a {@code translation-missing} error at the
     * English directive (the change is not made in the other language) or a
     * {@code translation-stale} error at the other language's directive (English does not make it),
     * so that a section removed in English never survives, with its form, in Welsh.
     */
    private static boolean sameAdaptation(ResolvedSite site, String key, String language, Problems problems) {
        List<Directive> english = site.adaptation(SOURCE_LANGUAGE, key);
        List<Directive> translated = site.adaptation(language, key);
        if (english.isEmpty() && translated.isEmpty()) {
            return true;
        }
        boolean translatedAdapts = site.source().page(language, key).map(SourcePage::adaptsTemplate).orElse(false);
        List<String> remaining = new ArrayList<>(translated.stream().map(TranslationPairer::signature).toList());
        boolean same = true;
        for (Directive directive : english) {
            if (!remaining.remove(signature(directive))) {
                same = false;
                String where = translatedAdapts ? "its '" + language + "' file" : "the '" + language + "' page (which has no file adapting the template: add "
                        + language + "/" + key + ".adoc with :adapts-template:)";
                problems.error("translation-missing", directive.line().file(), directive.line().number(),
                        "'" + signature(directive) + "' is made in English but not in " + where
                                + ": make the same change there, with the same section ids");
            }
        }
        for (Directive directive : translated) {
            if (english.stream().noneMatch(e -> signature(e).equals(signature(directive)))) {
                same = false;
                problems.error("translation-stale", directive.line().file(), directive.line().number(),
                        "'" + signature(directive) + "' is not made in the English page: make it there too, or remove it here");
            }
        }
        return same;
    }

    /** What a directive does, independent of language: "replace scope", "insert-after scope: mobile-phones". */
    public static String signature(Directive directive) {
        List<String> inserted = directive.operation() == Directive.Operation.REMOVE ? List.of()
                : SectionIndex.of(directive.content()).sections().stream().map(Section::id).filter(java.util.Objects::nonNull).toList();
        if (directive.operation() == Directive.Operation.REPLACE && inserted.equals(List.of(directive.sectionId()))) {
            inserted = List.of();   // "replace scope", not "replace scope: scope"
        }
        return directive.operation().word() + (directive.sectionId() == null ? "" : " " + directive.sectionId())
                + (inserted.isEmpty() ? "" : ": " + String.join(", ", inserted));
    }

    /** A page's state combines the files it is made of: a template page and the school's changes. */
    private static TranslationState stateOf(ResolvedSite site, String key, String language, Problems problems, EnglishChanges changes) {
        List<FileState> files = new ArrayList<>();
        // The template's file counts only where the school's page is made from it, and only in the sections it keeps.
        Optional<SourcePage> own = site.source().page(SOURCE_LANGUAGE, key);
        if (own.isEmpty() || own.get().adaptsTemplate()) {
            Set<String> notKept = new HashSet<>();
            site.adaptation(SOURCE_LANGUAGE, key).stream()
                    .filter(d -> d.operation() == Directive.Operation.REPLACE || d.operation() == Directive.Operation.REMOVE)
                    .forEach(d -> notKept.add(d.sectionId()));
            site.template().ifPresent(t -> fileState(t, key, language, problems, changes, notKept).ifPresent(files::add));
        }
        Optional<FileState> ownState = fileState(site.source(), key, language, problems, changes, Set.of());
        ownState.ifPresent(files::add);
        // The school's own file's :translation-status: decides, as every header attribute of a school's file wins
        // over its template's (CONTRIBUTING.md): the school has reviewed the page it publishes, template text and all.
        boolean reviewed = ownState.filter(state -> !state.translated().attribute("translation-status").isBlank())
                .map(FileState::reviewed)
                .orElse(!files.isEmpty() && files.stream().allMatch(FileState::reviewed));
        FileState first = files.stream().filter(FileState::stale).findFirst()
                .orElse(files.isEmpty() ? null : files.get(files.size() - 1));
        // The latest day any of its English files changed in substance; none when one such change has no known day.
        List<EnglishChanges.Verdict> stale = files.stream().map(FileState::english).filter(EnglishChanges.Verdict::stale).toList();
        Optional<java.time.LocalDate> updated = stale.isEmpty() || stale.stream().anyMatch(v -> v.updated().isEmpty()) ? Optional.empty()
                : stale.stream().map(v -> v.updated().get()).max(java.util.Comparator.naturalOrder());
        return new TranslationState(key, language,
                reviewed ? TranslationState.Status.REVIEWED : TranslationState.Status.DRAFT,
                !stale.isEmpty(),
                first == null ? null : first.recorded(), first == null ? null : first.current(),
                first == null ? site.page(language, key).get().file() : first.translated().file(), updated);
    }

    private record FileState(SourcePage translated, boolean reviewed, EnglishChanges.Verdict english, String recorded, String current) {
        boolean stale() {
            return english.stale();
        }
    }

    private static Optional<FileState> fileState(SiteSource source, String key, String language, Problems problems,
                                                 EnglishChanges changes, Set<String> notKept) {
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
        String current = changes.hashOf(english.get().rawText());
        EnglishChanges.Verdict verdict = changes.since(english.get().file(), english.get().rawText(), recorded, notKept);
        return Optional.of(new FileState(translated.get(), status.equals("reviewed"), verdict,
                recorded.isBlank() ? null : recorded, current));
    }

    /** The hash a translation records: the English file's text, line endings and trailing spaces ignored. */
    public static String hashOf(SourcePage english) {
        return hashOf(english.rawText());
    }

    /** The hash of an English file's text, as {@link #hashOf(SourcePage)}. */
    public static String hashOf(String englishText) {
        StringBuilder normalised = new StringBuilder();
        for (String line : englishText.replace("\r\n", "\n").split("\n")) {
            normalised.append(line.stripTrailing()).append('\n');
        }
        return SectionIndex.sha(normalised.toString().strip());
    }
}
