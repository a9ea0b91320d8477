package org.polisi.site.uptodate;

import org.polisi.site.BuildOptions;
import org.polisi.site.render.FileTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The check before a build (docs/adr/0062-nothing-changed-builds.md): {@link #lastBuild()} gives
 * the last build's record when this build's inputs and the output folders are exactly what that
 * build read and left, so its report can be given again and nothing done; {@link #record} stores
 * this build's record when its inputs did not change while it ran. The record is one file in the
 * build cache's folder ({@code site/target/cache/last-build}), written whole or not at all; one that
 * cannot be read whole is ignored and the build runs.
 */
public final class UpToDate {
    /** The record's file name in the cache folder. */
    public static final String FILE = "last-build";

    private final Path file;
    private final BuildOptions options;
    private final String inputs;

    private UpToDate(Path file, BuildOptions options, String inputs) {
        this.file = file;
        this.options = options;
        this.inputs = inputs;
    }

    /**
     * Fingerprints the inputs of a build with {@code options} now.
     *
     * @param cacheDir the build cache's folder, where the record is kept
     * @return the check, or empty when the inputs cannot be read (the build then runs and reports why)
     */
    public static Optional<UpToDate> before(Path cacheDir, BuildOptions options) {
        try {
            return Optional.of(new UpToDate(cacheDir.resolve(FILE), options, BuildInputs.of(options)));
        } catch (UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    /** The last build's record when nothing it read has changed and its output folders are as it left them. */
    public Optional<LastBuild> lastBuild() {
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (IOException | RuntimeException absentOrUnreadable) {
            return Optional.empty();
        }
        return LastBuild.read(stored)
                .filter(last -> last.inputs().equals(inputs))
                .filter(last -> last.outputs().equals(OutputListing.of(outputs(options))));
    }

    /**
     * Stores what this build reported, with the output folders as they are now, unless its inputs
     * changed while it ran (then the next build must run again). A record that cannot be written
     * only costs the next build its shortcut.
     */
    public void record(int exitStatus, int pages, List<LastBuild.Line> report) {
        try {
            Files.deleteIfExists(file);      // no stale record survives a build whose record is not stored
            String after = BuildInputs.of(options);
            if (!after.equals(inputs)) {
                return;
            }
            LastBuild last = new LastBuild(inputs, OutputListing.of(outputs(options)), exitStatus, pages, report);
            FileTrees.writeAtomically(file, last.write());
        } catch (IOException | RuntimeException cannotRecord) {
            // the next build runs in full
        }
    }

    /** The folders a build writes for others to read. */
    static List<Path> outputs(BuildOptions options) {
        return List.of(options.outputDir(), options.manifestsDir(), options.agreedTextsDir());
    }
}
