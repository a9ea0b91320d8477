package org.polisi.site.forms.manifest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.polisi.site.forms.definition.Choices;
import org.polisi.site.forms.definition.FieldType;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.FormField;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.definition.LocalizedText;
import org.polisi.site.forms.definition.Retention;
import org.polisi.site.forms.definition.RetentionSentence;

/**
 * A form definition as JSON, in the manifest's key names: the manifest publishes it in every language,
 * and {@link FormVersion} hashes it in one language, so what is signed is exactly what is published.
 */
final class FormJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private FormJson() {
    }

    /** What does not depend on language. */
    static ObjectNode head(FormDefinition form) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("id", form.id());
        json.put("kind", form.kind().yamlName());
        json.put("readerRole", form.readerRole());
        ObjectNode notify = json.putObject("notify");
        form.alerts().incident().forEach(notify.putArray("incident")::add);
        form.alerts().urgent().forEach(notify.putArray("urgent")::add);
        Retention retention = form.retention();
        ObjectNode rule = json.putObject("retention");
        rule.put("rule", retention.rule().word());
        rule.put("amount", retention.amount());
        rule.put("unit", retention.unit().word());
        retention.yearGroupField().ifPresent(field -> rule.put("yearGroupField", field));
        rule.put("lastYearGroup", retention.lastYearGroup());
        retention.confirm().ifPresent(reason -> rule.put("confirm", reason));
        return json;
    }

    /** The texts in {@code languages}, and the fields. */
    static ObjectNode body(FormDefinition form, FormsSchoolContext school, List<String> languages) {
        ObjectNode json = MAPPER.createObjectNode();
        json.set("title", texts(form.title(), languages));
        optional(json, "introduction", form.introduction(), languages);
        optional(json, "declaration", form.declaration(), languages);
        json.set("confirmation", texts(form.confirmation(), languages));
        ObjectNode retentionText = json.putObject("retentionText");
        languages.forEach(language -> retentionText.put(language,
                RetentionSentence.of(form.retention(), school.messages(language))));
        json.set("purpose", texts(form.purpose(), languages));
        json.set("lawfulBasis", texts(form.lawfulBasis(), languages));
        ArrayNode fields = json.putArray("fields");
        form.fields().forEach(field -> fields.add(field(field, school, languages)));
        return json;
    }

    private static ObjectNode field(FormField field, FormsSchoolContext school, List<String> languages) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("name", field.name());
        json.put("type", field.type().yamlName());
        json.put("required", field.required());
        if (field.type().hasLength()) {
            json.put("maxLength", field.maxLength());
        }
        if (field.type() == FieldType.PUPIL_NAMES) {
            json.put("maxItems", field.maxItems());
        }
        json.set("label", texts(field.label(), languages));
        optional(json, "hint", field.hint(), languages);
        ArrayNode options = json.putArray("options");
        Choices.of(field, school, languages).forEach(option -> options.addObject()
                .put("value", option.value())
                .set("label", texts(option.label(), languages)));
        ArrayNode statements = json.putArray("statements");
        field.statements().forEach(statement -> statements.addObject()
                .put("id", statement.id())
                .set("text", texts(statement.text(), languages)));
        return json;
    }

    private static void optional(ObjectNode json, String key, Optional<LocalizedText> text, List<String> languages) {
        text.ifPresent(present -> json.set(key, texts(present, languages)));
    }

    private static ObjectNode texts(LocalizedText text, List<String> languages) {
        ObjectNode json = MAPPER.createObjectNode();
        text.inEach(languages).forEach(json::put);
        return json;
    }
}
