package org.polisi.site.translation;

import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.Section;
import org.polisi.site.fork.SectionIndex;
import org.polisi.site.history.ChangeNote;
import org.polisi.site.history.ContentHistory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Whether an English file has changed in substance since a translation recorded its hash
 * ({@code :translated-from:}), and when. A change in substance is one a reader could notice: it
 * changes the text beyond white space and is not marked minor, the way the page history marks it
 * (a new {@code :change-note:} or {@code // polisi: change-note} starting with {@code minor},
 * {@link ChangeNote}). The English file's versions are read from the content's git history (the
 * published, first-parent line, {@link ContentHistory}), followed by the file as it is now when
 * that differs; the recorded hash names one of them, and each later version is compared with the
 * one before.
 *
 * <p>Without a repository, or when no version has the recorded hash, every difference counts and
 * no date is known. The repository is opened once per build, and only when some translation's
 * hash differs from its English file's (a build of translations that are up to date never reads it).
 */
public final class EnglishChanges implements AutoCloseable {
    /** The hash a translation records: {@link TranslationPairer#hashOf}'s 12 hex digits. */
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{12}");

    /**
     * What was found.
     *
     * @param stale   the English changed in substance since the recorded version (or cannot be shown not to have)
     * @param updated the date (Europe/London) of the latest such change, when a commit made it; empty for
     *                a change not yet committed, or when the history cannot tell
     */
    public record Verdict(boolean stale, Optional<LocalDate> updated) {
        static final Verdict CURRENT = new Verdict(false, Optional.empty());
        static final Verdict UNDATED = new Verdict(true, Optional.empty());
    }

    private final Path contentDir;
    private Optional<ContentHistory> history;
    private Optional<ContentHistory> formsHistory;
    /**
     * {@link TranslationPairer#hashOf(String)} by text, for this build: a cluster's template files
     * are the English of every school that inherits them, so 100 schools ask for the same text's
     * hash 100 times (docs/adr/0090). Keyed by the text itself (a String caches its own hash code and
     * compares the same instance at once), so no answer can belong to another text.
     */
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    /** Each form file's stale texts, by file: read on the build's one thread ({@code catalog.CatalogStage}). */
    private final Map<Path, FormTranslations.FormFile> formFiles = new ConcurrentHashMap<>();

    /** @param contentDir the content folder being built (its git repository, if any, is read when first needed) */
    public EnglishChanges(Path contentDir) {
        this.contentDir = contentDir;
    }

    /** No history: every difference from the recorded hash counts, undated (a tree built in memory). */
    public static EnglishChanges none() {
        EnglishChanges none = new EnglishChanges(null);
        none.history = Optional.empty();
        none.formsHistory = Optional.empty();
        return none;
    }

    /**
     * @param english  the English file as it is now (its path finds its history)
     * @param text     its text now
     * @param recorded the hash the translation recorded (blank or {@code PENDING} when none)
     * @return not stale when the recorded hash is the English file's now, or every change since is
     *         white space or marked minor; stale, with the date of the latest change in substance, otherwise
     * @throws UncheckedIOException when the repository exists but cannot be read
     */
    public Verdict since(Path english, String text, String recorded) {
        return since(english, text, recorded, Set.of());
    }

    /**
     * As {@link #since(Path, String, String)}, for a template's file of which a school publishes
     * only some sections: a change only within {@code ignoredSections} (those the school replaces
     * or removes) is not a change to the page its readers see.
     *
     * @param ignoredSections the ids of the sections whose changes do not count
     */
    public Verdict since(Path english, String text, String recorded, Set<String> ignoredSections) {
        if (recorded.equals(hashOf(text))) {
            return Verdict.CURRENT;
        }
        if (!HASH.matcher(recorded).matches()) {
            return Verdict.UNDATED;
        }
        Optional<ContentHistory> opened = history();
        Optional<String> path = opened.flatMap(h -> h.pathOf(english));
        if (path.isEmpty()) {
            return Verdict.UNDATED;
        }
        List<ContentHistory.FileChange> versions;
        try {
            versions = new ArrayList<>(opened.get().changesOf(path.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the history of " + english, e);
        }
        if (versions.isEmpty() || !text.equals(versions.get(versions.size() - 1).text())) {
            versions.add(new ContentHistory.FileChange("", null, null, Long.MAX_VALUE, text));   // not committed yet
        }
        int base = -1;
        for (int i = versions.size() - 1; i >= 0 && base < 0; i--) {
            String version = versions.get(i).text();
            if (version != null && recorded.equals(hashOf(version))) {
                base = i;
            }
        }
        if (base < 0) {
            return Verdict.UNDATED;
        }
        Optional<LocalDate> updated = Optional.empty();
        boolean stale = false;
        for (int i = base + 1; i < versions.size(); i++) {
            String before = versions.get(i - 1).text();
            String after = versions.get(i).text();
            if (after != null && inSubstance(without(before, ignoredSections), without(after, ignoredSections),
                    ChangeNote.in(before), ChangeNote.in(after))) {
                stale = true;
                updated = Optional.ofNullable(versions.get(i).date());
            }
        }
        return stale ? new Verdict(true, updated) : Verdict.CURRENT;
    }

    /**
     * The committed versions of {@code file}, oldest first (its text {@code null} where a commit
     * deleted it); none without a repository or outside it.
     *
     * @throws UncheckedIOException when the repository exists but cannot be read
     */
    List<ContentHistory.FileChange> versionsOf(Path file) {
        Optional<ContentHistory> opened = formsHistory();
        Optional<String> path = opened.flatMap(h -> h.pathOf(file));
        if (path.isEmpty()) {
            return List.of();
        }
        try {
            return opened.get().changesOf(path.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the history of " + file, e);
        }
    }

    /** A form file's stale texts ({@link FormTranslations}), read (and warned) once per build for every site that has the form. */
    FormTranslations.FormFile formFile(Path file, java.util.function.Supplier<FormTranslations.FormFile> read) {
        FormTranslations.FormFile known = formFiles.get(file);
        if (known == null) {
            known = read.get();
            formFiles.put(file, known);
        }
        return known;
    }

    /** {@link TranslationPairer#hashOf(String)}, computed once per text in this build. */
    public String hashOf(String englishText) {
        return hashes.computeIfAbsent(englishText, TranslationPairer::hashOf);
    }

    /** A change beyond white space and change notes, and not marked minor by a note it adds. */
    static boolean inSubstance(String before, String after, ChangeNote noteBefore, ChangeNote noteAfter) {
        boolean markedMinor = noteAfter.isMinor() && !noteAfter.equals(noteBefore);
        return ChangeNote.differsBeyondWhitespace(before, after) && !markedMinor;
    }

    /** The text without the lines of the sections named (a section with its subsections, from its label to the next). */
    static String without(String text, Set<String> sections) {
        if (text == null || sections.isEmpty()) {
            return text;
        }
        List<SourceLine> lines = new ArrayList<>();
        String[] split = text.split("\n", -1);
        for (int i = 0; i < split.length; i++) {
            lines.add(new SourceLine(split[i], null, i + 1));
        }
        boolean[] dropped = new boolean[lines.size()];
        for (Section section : SectionIndex.of(lines).sections()) {
            if (section.id() != null && sections.contains(section.id())) {
                for (int i = section.start(); i < section.end(); i++) {
                    dropped[i] = true;
                }
            }
        }
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (!dropped[i]) {
                kept.append(lines.get(i).text()).append('\n');
            }
        }
        return kept.toString();
    }

    /**
     * The history of the content's forms folders only ({@code schools/<id>/forms},
     * {@code clusters/<id>/forms}): every bilingual build reads it for {@link FormTranslations}, and
     * walking the form files' changes alone costs a fraction of walking every file's.
     */
    private Optional<ContentHistory> formsHistory() {
        if (formsHistory == null) {
            try {
                List<Path> folders = new ArrayList<>();
                for (String kind : List.of("schools", "clusters")) {
                    Path dir = contentDir == null ? null : contentDir.resolve(kind);
                    if (dir != null && java.nio.file.Files.isDirectory(dir)) {
                        try (java.util.stream.Stream<Path> sites = java.nio.file.Files.list(dir)) {
                            sites.map(site -> site.resolve("forms")).filter(java.nio.file.Files::isDirectory).sorted().forEach(folders::add);
                        }
                    }
                }
                formsHistory = contentDir == null || folders.isEmpty() ? Optional.empty() : ContentHistory.open(contentDir, folders);
            } catch (IOException | RuntimeException unreadable) {
                formsHistory = Optional.empty();     // as without a repository: nothing is known to be stale
            }
        }
        return formsHistory;
    }

    private Optional<ContentHistory> history() {
        if (history == null) {
            try {
                history = contentDir == null ? Optional.empty() : ContentHistory.open(contentDir);
            } catch (IOException | RuntimeException unreadable) {
                history = Optional.empty();     // as without a repository: every difference counts, undated
            }
        }
        return history;
    }

    @Override
    public void close() {
        if (history != null) {
            history.ifPresent(ContentHistory::close);
        }
        if (formsHistory != null) {
            formsHistory.ifPresent(ContentHistory::close);
        }
    }
}
