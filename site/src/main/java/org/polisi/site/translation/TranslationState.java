package org.polisi.site.translation;

import java.nio.file.Path;

/**
 * The translation state of one page in one language other than English. {@code stale} means the
 * English it was translated from has changed since; the page is still published.
 */
public record TranslationState(String pageKey, String language, Status status, boolean stale,
                               String recordedHash, String currentHash, Path file) {

    public enum Status { DRAFT, REVIEWED, MISSING }
}
