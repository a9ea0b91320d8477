package org.polisi.forms.manifest;

import com.fasterxml.jackson.annotation.JsonProperty;
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
        @JsonProperty("notify") AlertRoles alerts,
        RetentionRule retention,
        Map<String, String> versions,
        Map<String, String> pages,
        Map<String, String> title,
        Map<String, String> confirmation,
        Map<String, String> retentionText,
        List<FieldDefinition> fields,
        String signedBy) {

    public FormDefinition {
        alerts = alerts == null ? AlertRoles.NONE : alerts;
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

    /** Every role that may read the form's records: its reader role and the roles its alerts go to. */
    public java.util.Set<String> readerRoles() {
        java.util.Set<String> roles = new java.util.LinkedHashSet<>();
        roles.add(readerRole);
        roles.addAll(alerts.incident());
        roles.addAll(alerts.urgent());
        return roles;
    }

    /** A consent statement's key ({@code <field>.<statement-id>}) and text, in the form's order. */
    public java.util.LinkedHashMap<String, ConsentStatement> statements() {
        java.util.LinkedHashMap<String, ConsentStatement> statements = new java.util.LinkedHashMap<>();
        for (FieldDefinition field : fields) {
            if (field.type() == FieldType.CONSENT) {
                field.statements().forEach(statement -> statements.put(field.name() + "." + statement.id(), statement));
            }
        }
        return statements;
    }

    /** True when the version was published for that language: a stale or forged version is refused. */
    public boolean publishedVersion(String language, String version) {
        return version != null && version.equals(versions.get(language));
    }
}
