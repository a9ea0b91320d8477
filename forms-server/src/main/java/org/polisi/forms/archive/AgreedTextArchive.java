package org.polisi.forms.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
