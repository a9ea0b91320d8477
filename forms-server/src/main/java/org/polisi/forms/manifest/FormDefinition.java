package org.polisi.forms.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One form of a school's manifest: what may be posted to it and what to say afterwards.
 * {@code signedBy} is an agreement's signer group ({@code staff}, {@code pupils}, {@code parents},
 * {@code others}); empty for other kinds.
 */
public record FormDefinition(
        String id,
        FormKind kind,
        String readerRole,
        int retentionDays,
        Map<String, String> versions,
        Map<String, String> pages,
        Map<String, String> title,
        Map<String, String> confirmation,
        Map<String, String> retentionText,
        List<FieldDefinition> fields,
        String signedBy) {

    public FormDefinition {
        versions = versions == null ? Map.of() : versions;
        pages = pages == null ? Map.of() : pages;
        title = title == null ? Map.of() : title;
        confirmation = confirmation == null ? Map.of() : confirmation;
        retentionText = retentionText == null ? Map.of() : retentionText;
        fields = fields == null ? List.of() : fields;
        signedBy = signedBy == null ? "" : signedBy;
    }

    public Optional<FieldDefinition> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** True when the version was published for that language: a stale or forged version is refused. */
    public boolean publishedVersion(String language, String version) {
        return version != null && version.equals(versions.get(language));
    }
}
