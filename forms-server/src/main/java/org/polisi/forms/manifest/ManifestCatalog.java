package org.polisi.forms.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.InvalidManifestException;
import org.polisi.contract.Manifest;
import org.polisi.contract.ManifestJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manifests of every school, read from the manifest folder strictly ({@link ManifestJson}). A
 * manifest is re-read when its file changes, so that rebuilding the site while the server runs takes
 * effect at once (a submission is always checked against the form the page now shows). At start-up
 * {@link #checkAll()} refuses a folder with a manifest that is not valid; one that becomes invalid
 * later is logged with its file and problem and its school has no forms until it is rebuilt.
 */
public final class ManifestCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(ManifestCatalog.class);
    private static final Pattern SCHOOL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Path folder;
    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

    private record Loaded(FileTime modified, Manifest manifest) {
    }

    public ManifestCatalog(Path folder) {
        this.folder = folder;
    }

    /** The school's manifest, or empty when there is none (or the id is not a plausible school id). */
    public Optional<Manifest> school(String school) {
        if (school == null || !SCHOOL_ID.matcher(school).matches()) {
            return Optional.empty();
        }
        Path file = folder.resolve(school + ".json");
        try {
            // one stat, not two: every form post asks, up to three times (issue 23's intake profile)
            java.nio.file.attribute.BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            } catch (java.nio.file.NoSuchFileException missing) {
                return Optional.empty();
            }
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            FileTime modified = attributes.lastModifiedTime();
            Loaded loaded = cache.get(school);
            if (loaded == null || !loaded.modified().equals(modified)) {
                loaded = new Loaded(modified, ManifestJson.read(file));
                cache.put(school, loaded);
            }
            return Optional.of(loaded.manifest());
        } catch (InvalidManifestException invalid) {
            LOG.error("{}", invalid.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            LOG.error("Cannot read manifest {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Reads every manifest in the folder now, so that a server never starts on a manifest it would
     * misread. A folder that does not exist yet (no site built) has none.
     *
     * @return how many manifests were read
     * @throws InvalidManifestException for the first file (in name order) that is not a valid manifest;
     *                                  its message names the file, the property and the problem
     * @throws IOException              when the folder or a file cannot be read
     */
    public int checkAll() throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : files) {
            ManifestJson.read(file);
        }
        return files.size();
    }

    /**
     * Each form whose {@code reader-role} no staff account can hold (a deputy headteacher, a governor:
     * {@link org.polisi.contract.StaffRole#fromFormWord} knows no such role), as "school/form (role)":
     * no account of that role exists, so only the headteacher reads its records, whatever its privacy
     * notice says (tester 3's fault 10; the site build refuses such a form, ADR 0089).
     */
    public List<String> readersWithoutAccounts() {
        return all().stream().flatMap(manifest -> manifest.forms().stream()
                        .filter(form -> org.polisi.contract.StaffRole.fromFormWord(form.readerRole()).isEmpty())
                        .map(form -> manifest.school() + "/" + form.id() + " (" + form.readerRole() + ")"))
                .toList();
    }

    /** Every school with a manifest, in id order. */
    public List<Manifest> all() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length()))
                    .sorted()
                    .map(this::school)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            LOG.error("Cannot list manifests in {}: {}", folder, e.getMessage());
            return List.of();
        }
    }

    public Optional<FormDefinition> form(String school, String formId) {
        return school(school).flatMap(manifest -> manifest.form(formId));
    }
}
