package org.polisi.site.archive;

/**
 * One snapshot: what a person saw when they sent a form in one language, named by its form version.
 * {@code definition} and {@code pageSource} are the exact texts the version hashes
 * ({@code FormVersion.of(definition, sha(pageSource))}, docs/forms.md); {@code pageHtml} is the page's
 * {@code <main>} as the build rendered it, for people to read; {@code firstPublished} is an ISO date.
 */
public record AgreedText(int format, String school, String formId, String formKind, String language,
                         String formVersion, String firstPublished, String pageUrl, String pageTitle,
                         String formTitle, String definition, String pageSource, String pageHtml) {

    /** The snapshot format this build writes; readers refuse a format they do not know. */
    public static final int FORMAT = 1;
}
