package org.polisi.forms.signatures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polisi.forms.archive.AgreedText;
import org.polisi.forms.archive.AgreedTextArchive;
import org.polisi.forms.archive.SameAgreedText;

/**
 * Whether a signature made on a translation was made on a text whose English (the source: the only source
 * language Polisi has today, tester 7 finding 15) has changed since (tester 7 finding 17, ADR 0106). The
 * manifest says nothing of a translation's staleness, so this reads the archive of agreed texts, the
 * history of versions the server keeps: each snapshot names its language and the day it was first
 * published.
 *
 * <p>The rule: take the English versions first published on or before the day the signed version was
 * first published (the English the translation stood beside), and of those, the ones first published on
 * the latest such day. When none of them is the same agreement as the English version published now
 * (word for word, {@link SameAgreedText}), the English has changed since the translation signed was
 * published: the signature is marked "check". Days, not moments, are all the archive holds, so an English
 * change made on the same day as the translation's publication is taken as made before it (not marked).
 * A signature in English, a snapshot missing or unreadable, or no English snapshot at or before the
 * translation's: not marked (nothing can be said).
 */
public final class SourceChanged {

    /** The source language of every school's forms today. */
    static final String SOURCE = "en";

    private final AgreedTextArchive archive;
    private final SameAgreedText sameText;

    public SourceChanged(AgreedTextArchive archive, SameAgreedText sameText) {
        this.archive = archive;
        this.sameText = sameText;
    }

    /**
     * @param school         the school's id
     * @param formId         the agreement's id
     * @param language       the language of the signature
     * @param signedVersion  the version signed (of that language)
     * @param currentEnglish the English version the manifest publishes now, if any
     * @return true when the English has changed since the signed translation was published, as above
     */
    public boolean since(String school, String formId, String language, String signedVersion,
                         Optional<String> currentEnglish) {
        if (SOURCE.equals(language) || currentEnglish.isEmpty()) {
            return false;
        }
        try {
            Optional<AgreedText> signed = archive.find(school, formId, signedVersion);
            Optional<Path> folder = archive.file(school, formId, signedVersion).map(Path::getParent);
            if (signed.isEmpty() || folder.isEmpty() || !Files.isDirectory(folder.get())) {
                return false;
            }
            LocalDate translated = LocalDate.parse(signed.get().firstPublished());
            List<AgreedText> beside = new ArrayList<>();
            try (var files = Files.list(folder.get())) {
                for (Path file : files.filter(path -> path.getFileName().toString().endsWith(".json")).toList()) {
                    readable(file).filter(text -> SOURCE.equals(text.language()))
                            .filter(text -> !LocalDate.parse(text.firstPublished()).isAfter(translated))
                            .ifPresent(beside::add);
                }
            }
            Optional<LocalDate> latest = beside.stream().map(text -> LocalDate.parse(text.firstPublished()))
                    .max(LocalDate::compareTo);
            return latest.isPresent() && beside.stream()
                    .filter(text -> LocalDate.parse(text.firstPublished()).equals(latest.get()))
                    .noneMatch(text -> sameText.same(school, formId, text.formVersion(), currentEnglish.get()));
        } catch (IOException | RuntimeException unreadable) {
            return false;   // forms verify reports an unreadable archive; this page claims nothing then
        }
    }

    private static Optional<AgreedText> readable(Path file) {
        try {
            return Optional.of(AgreedTextArchive.read(file));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
