package org.polisi.forms.intake;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.polisi.contract.ConsentStatement;
import org.polisi.contract.FieldDefinition;
import org.polisi.contract.FieldOption;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.ManifestCatalog;

/**
 * How large a POST body may be. A form submission may be as large as the largest valid
 * submission of any form of its school, derived from the manifest, so that an answer within every
 * field's limit is never refused as too large (413); any other POST (the staff login) keeps the
 * configured {@code max-body-bytes}, which is also the least a submission may be.
 *
 * <p>A field's limit counts characters after NFC. The most one such character can take on the
 * wire is {@value #BYTES_PER_CHARACTER} bytes: 4 bytes of UTF-8, times 3 because text sent
 * decomposed (NFD) can be three times its composed length in UTF-8 (the Unicode Normalization FAQ's
 * maximum expansion factor for NFD), times 3 because a urlencoded body spells each byte as
 * {@code %XX}. A JSON body is smaller: at most 12 bytes ({@code \\uXXXX\\uXXXX}) per code point.
 */
public final class BodyLimits {

    /** Bytes one character of an answer may take in a request body (see the class comment). */
    public static final int BYTES_PER_CHARACTER = 4 * 3 * 3;
    /** Separators, JSON punctuation and the hidden fields' names: generous, and small. */
    static final int OVERHEAD_BYTES = 2048;
    /** The hidden fields' values: form id, language, version and an idempotency key of up to 100. */
    private static final int HIDDEN_FIELD_CHARACTERS = 100 + 16 + 64 + 100;
    private static final int DATE_OR_TIME_CHARACTERS = 10;

    private final ManifestCatalog manifests;
    private final long otherPosts;
    /** By school, with the manifest it was worked out from (a manifest is never changed once read). */
    private final Map<String, Largest> largest = new ConcurrentHashMap<>();

    /**
     * @param manifests the forms, re-read when the site is rebuilt
     * @param otherPosts the configured {@code max-body-bytes}, for every other POST
     */
    public BodyLimits(ManifestCatalog manifests, long otherPosts) {
        this.manifests = manifests;
        this.otherPosts = otherPosts;
    }

    /**
     * @param path the request's path
     * @return the most bytes a POST to the path may carry: for {@code /forms/<school>/…} the largest
     *     valid submission of that school's forms (at least the configured limit), else the configured limit
     */
    public long forPath(String path) {
        if (path == null || !path.startsWith("/forms/")) {
            return otherPosts;
        }
        String rest = path.substring("/forms/".length());
        String school = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        return Math.max(otherPosts, manifests.school(school).map(this::cachedLargest).orElse(0L));
    }

    /**
     * The school's largest submission, worked out once per manifest as read (a rebuilt site brings a
     * new one): every form post asks twice, and walking every field of every form each time showed
     * in the intake's profile (docs/benchmarks.md).
     */
    private long cachedLargest(Manifest manifest) {
        Largest known = largest.get(manifest.school());
        if (known == null || known.manifest() != manifest) {   // identity: a record's equals walks every form
            known = new Largest(manifest, largestSubmission(manifest));
            largest.put(manifest.school(), known);
        }
        return known.bytes();
    }

    private record Largest(Manifest manifest, long bytes) {
    }

    /** The largest valid submission, in bytes, of any form of the school. */
    public static long largestSubmission(Manifest manifest) {
        return manifest.forms().stream().mapToLong(BodyLimits::largestSubmission).max().orElse(0);
    }

    /** The largest valid submission of the form, in bytes, as a urlencoded or JSON body. */
    public static long largestSubmission(FormDefinition form) {
        long bytes = OVERHEAD_BYTES + (long) HIDDEN_FIELD_CHARACTERS * BYTES_PER_CHARACTER;
        for (FieldDefinition field : form.fields()) {
            bytes += largestAnswer(field);
        }
        return bytes;
    }

    /**
     * The second page of a withdrawal: {@code withdraw-step} and up to 100 {@code withdraw} values, each a
     * statement key ({@code <field>.<statement-id>}, both slugs of at most 100 characters).
     */
    private static final long WITHDRAWAL_CHOICE_BYTES = 3L * "withdraw-step=statements&".length()
            + 100L * (3L * "withdraw=&".length() + 3L * 201);

    private static long largestAnswer(FieldDefinition field) {
        long name = encoded(field.name()) + 8; // "=", "&", or JSON's quotes, colon, comma, brackets
        return switch (field.type()) {
            case TEXT, NAME, TEXTAREA, EMAIL -> name + (long) field.lengthLimit() * BYTES_PER_CHARACTER;
            case PUPIL_NAMES -> field.itemLimit() * (name + (long) field.lengthLimit() * BYTES_PER_CHARACTER);
            case DATE, TIME -> name + (long) DATE_OR_TIME_CHARACTERS * BYTES_PER_CHARACTER;
            case SELECT, RADIO -> name + longest(field.options().stream().map(FieldOption::value).toList());
            // a withdrawal's second page also posts the chosen statements of that consent form (docs/forms.md)
            case CONSENT_FORM -> name + longest(field.options().stream().map(FieldOption::value).toList())
                    + WITHDRAWAL_CHOICE_BYTES;
            case YEAR_GROUP -> name + longest(FormValidator.YEAR_GROUPS);
            case CHECKBOXES -> field.options().stream().mapToLong(option -> name + encoded(option.value())).sum();
            case CONSENT -> field.statements().stream().map(ConsentStatement::id)
                    .mapToLong(id -> name + encoded("." + id) + longest(List.copyOf(FormValidator.CONSENT_ANSWERS)))
                    .sum();
        };
    }

    private static long longest(List<String> values) {
        return values.stream().mapToLong(BodyLimits::encoded).max().orElse(0);
    }

    /** Percent-encoded UTF-8: at most 3 bytes per byte. */
    private static long encoded(String text) {
        return 3L * text.getBytes(StandardCharsets.UTF_8).length;
    }
}
