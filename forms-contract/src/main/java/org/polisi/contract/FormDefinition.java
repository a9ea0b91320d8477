package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One form of a school's manifest (docs/forms.md, "The manifest"): what may be posted to it, what its
 * privacy notice said, and what to say afterwards. Texts are {@code {"<lang>": "…"}} in the school's
 * language order.
 *
 * @param signedBy     an agreement's signer group; absent for other kinds
 * @param versions     per language, the version the rendered page's form carries; a language whose page
 *                     does not embed the form has none, and the server refuses posts in it
 * @param pages        per language, the site path of the page that embeds the form
 * @param introduction the text above the form, or absent
 * @param declaration  the text above the submit button, or absent
 * @param urgentSteps  an incident form's "what to do now" for an urgent report, in the school's policy's
 *                     own words, one step a line; absent when the school's content gives none (the
 *                     server then links to the form's page, never words of its own: ADR 0081). Not
 *                     part of a form's version: it is shown after a report is sent, not signed.
 */
@JsonPropertyOrder({"id", "kind", "readerRole", "notify", "retention", "signedBy", "versions", "pages", "title",
        "introduction", "declaration", "confirmation", "retentionText", "purpose", "lawfulBasis", "fields", "urgentSteps"})
public record FormDefinition(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) FormKind kind,
        @JsonProperty(required = true) String readerRole,
        @JsonProperty(value = "notify", required = true) AlertRoles alerts,
        @JsonProperty(required = true) RetentionRule retention,
        @JsonInclude(JsonInclude.Include.NON_NULL) SignerGroup signedBy,
        @JsonProperty(required = true) Map<String, String> versions,
        @JsonProperty(required = true) Map<String, String> pages,
        @JsonProperty(required = true) Map<String, String> title,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> introduction,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> declaration,
        @JsonProperty(required = true) Map<String, String> confirmation,
        @JsonProperty(required = true) Map<String, String> retentionText,
        @JsonProperty(required = true) Map<String, String> purpose,
        @JsonProperty(required = true) Map<String, String> lawfulBasis,
        @JsonProperty(required = true) List<FieldDefinition> fields,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> urgentSteps) {

    /** The properties a form's version does not cover: who signs is not what is signed, and a version cannot hash itself. */
    public static final List<String> UNVERSIONED = List.of("signedBy", "versions", "pages", "urgentSteps");

    public FormDefinition {
        Texts.required(id, "form id");
        Texts.required(kind, "kind of form '" + id + "'");
        Texts.required(readerRole, "readerRole of form '" + id + "'");
        Texts.required(alerts, "notify of form '" + id + "'");
        Texts.required(retention, "retention of form '" + id + "'");
        versions = Texts.text(versions, "versions of form '" + id + "'");
        pages = Texts.text(pages, "pages of form '" + id + "'");
        title = Texts.text(title, "title of form '" + id + "'");
        introduction = Texts.optionalText(introduction, "introduction of form '" + id + "'");
        declaration = Texts.optionalText(declaration, "declaration of form '" + id + "'");
        confirmation = Texts.text(confirmation, "confirmation of form '" + id + "'");
        retentionText = Texts.text(retentionText, "retentionText of form '" + id + "'");
        purpose = Texts.text(purpose, "purpose of form '" + id + "'");
        lawfulBasis = Texts.text(lawfulBasis, "lawfulBasis of form '" + id + "'");
        fields = Texts.list(fields, "fields of form '" + id + "'");
        urgentSteps = Texts.optionalText(urgentSteps, "urgentSteps of form '" + id + "'");
    }

    /** A form without urgent steps of its own (every kind but some incident forms). */
    public FormDefinition(String id, FormKind kind, String readerRole, AlertRoles alerts, RetentionRule retention,
                          SignerGroup signedBy, Map<String, String> versions, Map<String, String> pages,
                          Map<String, String> title, Map<String, String> introduction, Map<String, String> declaration,
                          Map<String, String> confirmation, Map<String, String> retentionText,
                          Map<String, String> purpose, Map<String, String> lawfulBasis, List<FieldDefinition> fields) {
        this(id, kind, readerRole, alerts, retention, signedBy, versions, pages, title, introduction, declaration,
                confirmation, retentionText, purpose, lawfulBasis, fields, null);
    }

    /** The urgent steps in {@code language}, one a line, or empty when the school's content gives none. */
    public List<String> urgentSteps(String language) {
        if (urgentSteps == null || !urgentSteps.containsKey(language)) {
            return List.of();
        }
        return urgentSteps.get(language).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    public Optional<FieldDefinition> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /** Who signs: the agreement's group, or {@link SignerGroup#OTHERS} when the manifest names none. */
    public SignerGroup signers() {
        return signedBy == null ? SignerGroup.OTHERS : signedBy;
    }

    /** Every role that may read the form's records: its reader role and the roles its alerts go to. */
    public Set<String> readerRoles() {
        Set<String> roles = new LinkedHashSet<>();
        roles.add(readerRole);
        roles.addAll(alerts.incident());
        roles.addAll(alerts.urgent());
        return roles;
    }

    /** A consent statement's key ({@code <field>.<statement-id>}) and text, in the form's order. */
    public LinkedHashMap<String, ConsentStatement> statements() {
        LinkedHashMap<String, ConsentStatement> statements = new LinkedHashMap<>();
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
