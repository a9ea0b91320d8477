package org.polisi.site.proof;

import java.util.Map;

/**
 * What proofing found, counted for {@code ./polisi report}: per site (a school, a template
 * preview, or {@link #INTERFACE} for the theme's bundles), per language, the unknown words
 * ({@code spelling}) and the deviations from the glossary ({@code glossary}, English-only links
 * included). A word repeated on three lines counts three times; a template's line counts once for
 * every school that publishes it.
 */
public record ProofResult(Map<String, Map<String, Counts>> bySite) {
    /** The pseudo-site under which the interface bundles are counted. */
    public static final String INTERFACE = "(interface)";
    public static final ProofResult NONE = new ProofResult(Map.of());

    public record Counts(int spelling, int glossary) {
        Counts plus(Counts other) {
            return new Counts(spelling + other.spelling, glossary + other.glossary);
        }
    }

    /** The counts of one site, language by language; empty when it was not proofed. */
    public Map<String, Counts> of(String site) {
        return bySite.getOrDefault(site, Map.of());
    }
}
