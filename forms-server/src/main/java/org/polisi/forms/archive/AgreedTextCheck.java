package org.polisi.forms.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code forms verify}'s check of the archive of agreed texts: every form version a record names has
 * its snapshot, and every snapshot's texts hash to its name (the file name, under its school and
 * form folders). A separate step from the record chain's check, so each can change on its own.
 */
public final class AgreedTextCheck {

    /** What the check found: {@code problems} empty means the archive is whole. */
    public record Result(int snapshots, int recordedVersions, List<String> problems) {
        public boolean whole() {
            return problems.isEmpty();
        }
    }

    private final AgreedTextArchive archive;

    public AgreedTextCheck(AgreedTextArchive archive) {
        this.archive = archive;
    }

    public Result check(Jdbi jdbi) {
        List<String> problems = new ArrayList<>();
        List<RecordedVersions.Version> recorded = jdbi.withExtension(RecordedVersions.class, RecordedVersions::all);
        for (RecordedVersions.Version version : recorded) {
            if (!archive.has(version.school(), version.formId(), version.formVersion())) {
                problems.add("MISSING " + version.school() + "/" + version.formId() + "/" + version.formVersion()
                        + ": " + version.records() + " record(s) name a text the archive does not hold");
            }
        }
        List<Path> snapshots = snapshots();
        for (Path file : snapshots) {
            problems.addAll(checkOne(file));
        }
        return new Result(snapshots.size(), recorded.size(), problems);
    }

    private List<String> checkOne(Path file) {
        Path relative = archive.folder().relativize(file);
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        AgreedText text;
        try {
            text = AgreedTextArchive.read(file);
        } catch (IOException unreadable) {
            return List.of("UNREADABLE " + relative + ": " + unreadable.getMessage());
        }
        if (relative.getNameCount() != 3 || !relative.getName(0).toString().equals(text.school())
                || !relative.getName(1).toString().equals(text.formId()) || !name.equals(text.formVersion())) {
            return List.of("MISPLACED " + relative + ": it says it is " + text.school() + "/" + text.formId() + "/"
                    + text.formVersion());
        }
        String hashed = text.versionOfTexts();
        if (!hashed.equals(name)) {
            return List.of("ALTERED " + relative + ": its texts hash to " + hashed + ", not to its name");
        }
        return List.of();
    }

    private List<Path> snapshots() {
        if (!Files.isDirectory(archive.folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(archive.folder())) {
            return files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the archive of agreed texts " + archive.folder(), e);
        }
    }
}
