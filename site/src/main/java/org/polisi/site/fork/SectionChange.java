package org.polisi.site.fork;

import java.nio.file.Path;

/**
 * How a school treats one section of a template page: kept as it is, replaced, removed, or a
 * section of its own inserted. For replaced and removed sections, {@code recordedHash} is the
 * template text the school saw and {@code currentHash} the template text now: when they differ,
 * the school's change is stale.
 */
public record SectionChange(
        String pageKey,
        String language,
        String sectionId,
        String title,
        Status status,
        String recordedHash,
        String currentHash,
        Path file,
        int line) {

    public enum Status { INHERITED, REPLACED, REMOVED, INSERTED }

    public boolean stale() {
        return (status == Status.REPLACED || status == Status.REMOVED)
                && recordedHash != null && !recordedHash.equals(currentHash);
    }

    public boolean unrecorded() {
        return (status == Status.REPLACED || status == Status.REMOVED) && recordedHash == null;
    }
}
