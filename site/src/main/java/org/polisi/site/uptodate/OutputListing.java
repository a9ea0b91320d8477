package org.polisi.site.uptodate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a build left in the folders it writes for others (the published sites, the forms manifests,
 * the archive of agreed texts): every file's relative name, size and last-modified time, as a
 * SHA-256. Reading the attributes of every file costs milliseconds where hashing every page would
 * cost seconds; a file edited, added, removed or replaced (a publish swaps whole folders, so every
 * file it writes is new) changes the listing. Docs/adr/0062-nothing-changed-builds.md.
 */
public final class OutputListing {
    private OutputListing() {
    }

    /** The listing of {@code folders} (or single files) now; an absent one is listed as absent. */
    public static String of(List<Path> folders) {
        BuildInputs.Digest digest = new BuildInputs.Digest();
        for (Path folder : folders) {
            digest.add(folder.toAbsolutePath().toString());
            if (Files.isRegularFile(folder)) {      // a single file (a school's forms manifest)
                try {
                    digest.add("file", Long.toString(Files.size(folder)), Long.toString(Files.getLastModifiedTime(folder).toMillis()));
                } catch (IOException unreadable) {
                    digest.add("(unreadable)", Long.toString(System.nanoTime()));
                }
                continue;
            }
            if (!Files.isDirectory(folder)) {
                digest.add("(absent)");
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted().toList()) {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    digest.add(folder.relativize(file).toString(), attributes.isDirectory() ? "d" : Long.toString(attributes.size()),
                            attributes.isDirectory() ? "" : Long.toString(attributes.lastModifiedTime().toMillis()));
                }
            } catch (IOException | RuntimeException unreadable) {
                digest.add("(unreadable)", Long.toString(System.nanoTime()));     // never equal to a stored listing
            }
        }
        return digest.hex();
    }
}
