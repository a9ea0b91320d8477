package org.polisi.forms.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds snapshots by school, form id and form version. Names that are not plain ids (lower-case
 * letters, digits, hyphens) or 12 hex digits find nothing, so no request can reach outside the folder.
 * Snapshots are never rewritten, so one found once is remembered.
 */
public final class AgreedTextArchive {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern VERSION = Pattern.compile("[0-9a-f]{12}");

    private final Path folder;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public AgreedTextArchive(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Whether the snapshot exists (read from disk until found once). */
    public boolean has(String school, String formId, String version) {
        String key = school + "/" + formId + "/" + version;
        if (known.contains(key)) {
            return true;
        }
        boolean exists = file(school, formId, version).filter(Files::isRegularFile).isPresent();
        if (exists) {
            known.add(key);
        }
        return exists;
    }

    /**
     * The snapshot, if it exists and can be read as one.
     *
     * @throws IOException when the file exists but is not a readable snapshot (say so; never show half)
     */
    public Optional<AgreedText> find(String school, String formId, String version) throws IOException {
        Optional<Path> file = file(school, formId, version).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(file.get()));
    }

    /**
     * When a version's text was on the website (tester 3's fault 9: a page about a record signed on
     * an old version said "on this website since" its date, as if it were still the text published).
     *
     * @param from    the ISO date the version was first published
     * @param until   for a version no longer published, the date the next version of the same form in
     *                the same language was first published (the same day when it was replaced on the
     *                day it appeared); empty for the version published now, and when the archive
     *                holds no later one
     * @param current whether it is the version the site publishes now
     */
    public record Publication(LocalDate from, Optional<LocalDate> until, boolean current) {
    }

    /**
     * The publication of {@code text}, reading the form's other snapshots in the archive.
     *
     * @param currentVersion the version the manifest publishes now for the text's language; empty when
     *                       the form is no longer published
     * @throws IOException when the form's folder cannot be listed (an unreadable snapshot among the
     *                     others is skipped: {@code forms verify} reports it)
     */
    public Publication publication(AgreedText text, Optional<String> currentVersion) throws IOException {
        LocalDate from = LocalDate.parse(text.firstPublished());
        if (currentVersion.filter(text.formVersion()::equals).isPresent()) {
            return new Publication(from, Optional.empty(), true);
        }
        Optional<LocalDate> until = Optional.empty();
        Optional<Path> form = file(text.school(), text.formId(), text.formVersion()).map(Path::getParent);
        if (form.isPresent() && Files.isDirectory(form.get())) {
            try (var files = Files.list(form.get())) {
                for (Path other : files.filter(path -> path.getFileName().toString().endsWith(".json")).toList()) {
                    Optional<LocalDate> next = publishedFrom(other, text, from);
                    if (next.isPresent() && (until.isEmpty() || next.get().isBefore(until.get()))) {
                        until = next;
                    }
                }
            }
        }
        return new Publication(from, until, false);
    }

    /** Another version's first publication, when it is of the text's language and not before it. */
    private static Optional<LocalDate> publishedFrom(Path other, AgreedText text, LocalDate from) {
        try {
            AgreedText candidate = read(other);
            LocalDate published = LocalDate.parse(candidate.firstPublished());
            return candidate.language().equals(text.language()) && !candidate.formVersion().equals(text.formVersion())
                    && !published.isBefore(from) ? Optional.of(published) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** Reads one snapshot file. @throws IOException when it is not a snapshot of a known format */
    public static AgreedText read(Path file) throws IOException {
        AgreedText text = JSON.readValue(file.toFile(), AgreedText.class);
        if (text.format() != AgreedText.FORMAT) {
            throw new IOException(file + " is a snapshot of format " + text.format() + ", not " + AgreedText.FORMAT);
        }
        return text;
    }

    /** {@code <folder>/<school>/<form-id>/<form-version>.json}, for names that can be ones. */
    public Optional<Path> file(String school, String formId, String version) {
        if (school == null || formId == null || version == null || !ID.matcher(school).matches()
                || !ID.matcher(formId).matches() || !VERSION.matcher(version).matches()) {
            return Optional.empty();
        }
        return Optional.of(folder.resolve(school).resolve(formId).resolve(version + ".json"));
    }
}
