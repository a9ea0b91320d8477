package org.polisi.forms.archive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One snapshot of the archive, as the site build's {@code org.polisi.site.archive.AgreedText} writes it:
 * the exact texts the form version hashes ({@code definition}, {@code pageSource}), the page's
 * {@code <main>} as rendered ({@code pageHtml}), and the ISO date it was first published.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgreedText(int format, String school, String formId, String formKind, String language,
                         String formVersion, String firstPublished, String pageUrl, String pageTitle,
                         String formTitle, String definition, String pageSource, String pageHtml) {

    /** The snapshot format this server reads. */
    public static final int FORMAT = 1;

    /**
     * The form version the snapshot's texts hash to, by the build's rule (docs/forms.md): the first 12
     * hex digits of SHA-256 over the definition text, {@code "\npage:"}, and the first 12 hex digits of
     * SHA-256 over the page's source text.
     */
    public String versionOfTexts() {
        return sha256((definition == null ? "" : definition) + "\npage:" + pageHash()).substring(0, 12);
    }

    /** The page hash ({@code polisi-page-hash}): the first 12 hex digits of SHA-256 over {@code pageSource}. */
    public String pageHash() {
        return sha256(pageSource == null ? "" : pageSource).substring(0, 12);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
