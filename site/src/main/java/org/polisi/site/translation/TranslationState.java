package org.polisi.site.translation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The translation state of one page in one language other than English. {@code stale} means the
 * English it was translated from has changed in substance since (not only in white space, nor in a
 * change marked minor: {@link EnglishChanges}); the page is still published, with a notice.
 * {@code englishUpdated} is the day of the latest such change, when the content's history knows it.
 */
public record TranslationState(String pageKey, String language, Status status, boolean stale,
                               String recordedHash, String currentHash, Path file, Optional<LocalDate> englishUpdated) {

    public TranslationState(String pageKey, String language, Status status, boolean stale,
                            String recordedHash, String currentHash, Path file) {
        this(pageKey, language, status, stale, recordedHash, currentHash, file, Optional.empty());
    }

    public enum Status { DRAFT, REVIEWED, MISSING }
}
