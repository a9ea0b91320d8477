package org.polisi.site.forms.manifest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.polisi.contract.ManifestJson;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.FormsSchoolContext;

/**
 * The version a submission records: what exactly the person saw and agreed to. The first 12 hex
 * digits of SHA-256 over the form's definition in that language and the hash of the page text, so
 * that changing one word of either gives a new version, and the Welsh and English forms differ.
 */
public final class FormVersion {

    private FormVersion() {
    }

    public static String of(FormDefinition form, FormsSchoolContext school, String language, String pageHash) {
        return of(definitionText(form, school, language), pageHash);
    }

    /**
     * The version from its two inputs, as the archive of agreed texts and {@code forms verify} recompute it.
     *
     * @param definitionText what {@link #definitionText} gave
     * @param pageHash       the 12 hex digits of the page text's hash ({@code polisi-page-hash})
     * @return 12 lower-case hex digits
     */
    public static String of(String definitionText, String pageHash) {
        return sha256(definitionText + "\npage:" + pageHash).substring(0, 12);
    }

    /**
     * The form's definition in one language, as JSON text: exactly what the version hashes. It is the
     * manifest's record of the form in that language ({@link ManifestJson#versionedText}), without who
     * signs, the versions and the pages.
     */
    public static String definitionText(FormDefinition form, FormsSchoolContext school, String language) {
        return ManifestJson.versionedText(ManifestForm.of(form, school, List.of(language), Map.of(), Map.of()));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
