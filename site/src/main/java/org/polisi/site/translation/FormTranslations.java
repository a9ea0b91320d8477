package org.polisi.site.translation;

import org.polisi.site.content.SourceText;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.history.ChangeNote;
import org.polisi.site.history.ComposedText;
import org.polisi.site.history.ContentHistory;
import org.polisi.site.problem.Problems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Stale translations in form definitions (tester 6's N6; docs/adr/0099). A form carries its texts in
 * every language side by side ({@code declaration: {en: ..., cy: ...}}, each consent statement, label,
 * hint, option, title, notice); when a text's English changes in substance while its other language
 * stays as it was, that language is stale, as a page's translation is when its English changes
 * ({@link EnglishChanges}). A form records no {@code :translated-from:}, so the content's git history
 * decides: over the form file's versions on the published line ({@link ContentHistory}), then the file
 * as it is now, a text is stale in a language when the last version that changed its English (beyond
 * white space) is later than the last that changed its text in that language. A text's first version
 * sets both. Without a repository only the file as it is now is known, and nothing is stale.
 *
 * <p>A stale text is a {@link #CODE} warning at the stale text's line in the form's file, and makes
 * every page that embeds or quotes the form stale in that language ({@link TranslationState}: the
 * notice the page shows, and {@code ./polisi report}), with the day of the English change when it was
 * committed.
 */
public final class FormTranslations {
    /** The problem's code: a warning, so {@code --strict} (CI) refuses it until the text is translated again. */
    public static final String CODE = "form-translation-stale";
    /** A key that names a language in a text given per language ({@code forms.definition.LocalizedText}). */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    /** A list item's own name, which keeps its texts' identity when items are added or moved. */
    private static final List<String> IDENTITIES = List.of("id", "name", "value");

    private FormTranslations() {
    }

    /**
     * One text of a form whose translation is older than its English.
     *
     * @param file           the form's file
     * @param line           the line of the stale text (1-based)
     * @param formId         the form's {@code id}
     * @param where          where the text is in the form ({@code declaration}, {@code fields[name=staff-name].label})
     * @param language       the stale language
     * @param english        the English text now
     * @param recordedHash   {@link TranslationPairer#hashOf(String)} of the English the translation was last written with
     * @param currentHash    the same of the English now
     * @param englishUpdated the day (Europe/London) of the English change, empty when not yet committed
     */
    public record Stale(Path file, int line, String formId, String where, String language, String english,
                        String recordedHash, String currentHash, Optional<LocalDate> englishUpdated) {
    }

    /** A form file as read now: its id and its stale texts. */
    record FormFile(String id, List<Stale> stale) {
    }

    /**
     * Adds the stale form texts of {@code site}'s forms to its pages' states: every page in a language
     * other than English that embeds a form with a text stale in that language is stale (dated by the
     * latest such change, undated when one of them is not committed). Each form file's stale texts are
     * warned once per build ({@code changes} keeps them).
     *
     * @param states the states {@link TranslationPairer} found for the site's pages
     * @return the states with those pages marked stale
     * @throws UncheckedIOException when a forms folder cannot be listed, or the repository read
     */
    static List<TranslationState> apply(ResolvedSite site, List<TranslationState> states, Problems problems, EnglishChanges changes) {
        if (site.languages().size() < 2) {
            return states;
        }
        Map<String, FormFile> byId = new LinkedHashMap<>();
        List<Path> dirs = new ArrayList<>();
        site.template().ifPresent(template -> dirs.add(template.formsDir()));
        dirs.add(site.source().formsDir());
        for (Path dir : dirs) {       // the school's own form wins over its template's of the same id
            for (Path file : formFiles(dir)) {
                FormFile form = changes.formFile(file, () -> read(file, changes, problems));
                if (form.id() != null) {
                    byId.put(form.id(), form);
                }
            }
        }
        List<TranslationState> result = new ArrayList<>(states);
        for (String language : site.languages()) {
            if (language.equals(TranslationPairer.SOURCE_LANGUAGE)) {
                continue;
            }
            for (ResolvedPage page : site.pages(language).values()) {
                List<Stale> stale = ComposedText.embeddedForms(page).stream().map(byId::get).filter(Objects::nonNull)
                        .flatMap(form -> form.stale().stream()).filter(s -> s.language().equals(language)).toList();
                if (!stale.isEmpty()) {
                    markStale(result, page.key(), language, stale);
                }
            }
        }
        return List.copyOf(result);
    }

    private static void markStale(List<TranslationState> states, String key, String language, List<Stale> stale) {
        for (int i = 0; i < states.size(); i++) {
            TranslationState state = states.get(i);
            if (!state.pageKey().equals(key) || !state.language().equals(language) || state.status() == TranslationState.Status.MISSING) {
                continue;
            }
            List<Optional<LocalDate>> days = new ArrayList<>(stale.stream().map(Stale::englishUpdated).toList());
            if (state.stale()) {
                days.add(state.englishUpdated());
            }
            // the latest day of a change in substance; none when one of them has no known day (as a page's files)
            Optional<LocalDate> updated = days.stream().anyMatch(Optional::isEmpty) ? Optional.empty()
                    : days.stream().map(Optional::get).max(Comparator.naturalOrder());
            Stale first = stale.get(0);
            states.set(i, state.stale()
                    ? new TranslationState(key, language, state.status(), true, state.recordedHash(), state.currentHash(), state.file(), updated)
                    : new TranslationState(key, language, state.status(), true, first.recordedHash(), first.currentHash(), first.file(), updated));
        }
    }

    private static List<Path> formFiles(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot list forms in " + dir, unreadable);
        }
    }

    /** Reads the form file now and in its history, and warns at each stale text. */
    private static FormFile read(Path file, EnglishChanges changes, Problems problems) {
        String now;
        try {
            now = SourceText.decode(file, Files.readAllBytes(file)).text();
        } catch (IOException | RuntimeException unreadable) {     // the forms' own reader reports it at the file
            return new FormFile(null, List.of());
        }
        Optional<Node> current = compose(now);
        if (current.isEmpty()) {
            return new FormFile(null, List.of());
        }
        String id = current.get() instanceof MappingNode root ? scalar(root, "id") : null;
        List<ContentHistory.FileChange> versions = new ArrayList<>(changes.versionsOf(file));
        if (versions.isEmpty() || !now.equals(versions.get(versions.size() - 1).text())) {
            versions.add(new ContentHistory.FileChange("", null, null, Long.MAX_VALUE, now));   // not committed yet
        }
        List<Map<String, Map<String, ScalarNode>>> texts = versions.stream()
                .map(version -> version.text() == null ? null : compose(version.text()).map(FormTranslations::texts).orElse(null))
                .toList();
        List<Stale> stale = new ArrayList<>();
        Map<String, Map<String, ScalarNode>> latest = texts.get(texts.size() - 1);
        for (Map.Entry<String, Map<String, ScalarNode>> text : latest.entrySet()) {
            for (String language : text.getValue().keySet()) {
                if (!language.equals(TranslationPairer.SOURCE_LANGUAGE)) {
                    staleness(file, id, text.getKey(), language, versions, texts).ifPresent(stale::add);
                }
            }
        }
        for (Stale each : stale) {
            problems.warning(CODE, file, each.line(), "the English of this form's " + each.where() + " has changed "
                    + each.englishUpdated().map(day -> "(on " + day + ") ").orElse("since the last commit ")
                    + "but its " + languageName(each.language()) + " has not since: translate it again from the English, which now reads \""
                    + each.english() + "\"; until then the pages with this form say their " + languageName(each.language())
                    + " may not include the English changes");
        }
        return new FormFile(id, List.copyOf(stale));
    }

    /** The text at {@code where} in {@code language}, if stale: its English changed in a later version than it did. */
    private static Optional<Stale> staleness(Path file, String id, String where, String language,
                                             List<ContentHistory.FileChange> versions, List<Map<String, Map<String, ScalarNode>>> texts) {
        String englishBefore = null;
        String translatedBefore = null;
        int english = -1;
        int translated = -1;
        for (int i = 0; i < texts.size(); i++) {
            Map<String, ScalarNode> text = texts.get(i) == null ? null : texts.get(i).get(where);
            if (text == null || !text.containsKey(TranslationPairer.SOURCE_LANGUAGE)) {
                englishBefore = null;       // the text is not there (or the file cannot be read): when it comes back, it is new
                continue;
            }
            String englishNow = text.get(TranslationPairer.SOURCE_LANGUAGE).getValue();
            String translatedNow = text.containsKey(language) ? text.get(language).getValue() : null;
            if (englishBefore == null) {
                english = i;
                translated = i;
            } else {
                if (ChangeNote.differsBeyondWhitespace(englishBefore, englishNow)) {
                    english = i;
                }
                if (translatedNow == null || translatedBefore == null
                        ? !Objects.equals(translatedNow, translatedBefore) : ChangeNote.differsBeyondWhitespace(translatedBefore, translatedNow)) {
                    translated = i;
                }
            }
            englishBefore = englishNow;
            translatedBefore = translatedNow;
        }
        if (english <= translated) {
            return Optional.empty();
        }
        Map<String, ScalarNode> now = texts.get(texts.size() - 1).get(where);
        String englishThen = texts.get(translated).get(where).get(TranslationPairer.SOURCE_LANGUAGE).getValue();
        String englishNow = now.get(TranslationPairer.SOURCE_LANGUAGE).getValue();
        return Optional.of(new Stale(file, now.get(language).getStartMark().getLine() + 1, id, where, language, englishNow,
                TranslationPairer.hashOf(englishThen), TranslationPairer.hashOf(englishNow),
                Optional.ofNullable(versions.get(english).date())));
    }

    private static String languageName(String code) {
        return code.equals("cy") ? "Welsh" : "'" + code + "' text";
    }

    private static Optional<Node> compose(String yaml) {
        try {
            return Optional.ofNullable(new Yaml(new LoaderOptions()).compose(new StringReader(yaml)));
        } catch (RuntimeException unreadable) {        // an earlier version the reader cannot read: as if absent
            return Optional.empty();
        }
    }

    /**
     * Every text given per language in a form's definition, by where it is: a mapping whose keys are
     * all language codes, English among them, each with a text ({@code {en: ..., cy: ...}}). A list
     * item with an {@code id}, {@code name} or {@code value} is named by it, so that adding or moving
     * an item leaves the others' texts where they were.
     */
    static Map<String, Map<String, ScalarNode>> texts(Node root) {
        Map<String, Map<String, ScalarNode>> texts = new LinkedHashMap<>();
        walk(root, "", texts);
        return texts;
    }

    private static void walk(Node node, String where, Map<String, Map<String, ScalarNode>> texts) {
        if (node instanceof MappingNode mapping) {
            Map<String, ScalarNode> byLanguage = new LinkedHashMap<>();
            boolean perLanguage = !mapping.getValue().isEmpty();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && LANGUAGE.matcher(key.getValue()).matches()
                        && tuple.getValueNode() instanceof ScalarNode value) {
                    byLanguage.put(key.getValue(), value);
                } else {
                    perLanguage = false;
                }
            }
            if (perLanguage && byLanguage.containsKey(TranslationPairer.SOURCE_LANGUAGE) && byLanguage.size() > 1) {
                texts.put(where, byLanguage);
                return;
            }
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    walk(tuple.getValueNode(), where.isEmpty() ? key.getValue() : where + "." + key.getValue(), texts);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                String name = null;
                if (items.get(i) instanceof MappingNode item) {
                    for (String identity : IDENTITIES) {
                        String value = scalar(item, identity);
                        if (value != null && name == null) {
                            name = identity + "=" + value;
                        }
                    }
                }
                walk(items.get(i), where + "[" + (name == null ? String.valueOf(i) : name) + "]", texts);
            }
        }
    }

    private static String scalar(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key) && tuple.getValueNode() instanceof ScalarNode v) {
                return v.getValue();
            }
        }
        return null;
    }
}
