package org.polisi.site.forms.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polisi.contract.FieldType;
import org.polisi.contract.ReservedNames;
import org.polisi.contract.InputIds;

/** Reads and checks one entry of a form's {@code fields:} list. */
final class FieldReader {

    private static final Set<String> KEYS = Set.of(
            "name", "type", "label", "hint", "required", "max-length", "max-items", "options", "statements");
    private static final int DEFAULT_MAX_ITEMS = 6;

    private final List<String> languages;

    FieldReader(List<String> languages) {
        this.languages = languages;
    }

    /** The field, or empty when something is wrong with it (the problems say what). */
    Optional<FormField> read(YamlMap yaml) {
        Problems problems = yaml.problems();
        int before = problems.count();
        yaml.allowOnly(KEYS, "a field");
        String name = yaml.requiredString("name", "a field").orElse("");
        String where = name.isEmpty() ? "a field" : "field '" + name + "'";
        checkName(yaml, name, problems);
        Optional<FieldType> type = readType(yaml, where);
        Optional<LocalizedText> label = yaml.requiredText("label", languages, where);
        Optional<LocalizedText> hint = yaml.text("hint", languages);
        boolean required = yaml.flag("required", false);
        int maxLength = type.map(t -> readMaxLength(yaml, t, where)).orElse(0);
        int maxItems = type.map(t -> readMaxItems(yaml, t, where)).orElse(0);
        List<FieldOption> options = type.map(t -> readOptions(yaml, t, where)).orElse(List.of());
        List<ConsentStatement> statements = type.map(t -> readStatements(yaml, t, where)).orElse(List.of());
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new FormField(name, type.get(), label.get(), hint, required, maxLength, maxItems, options, statements));
    }

    private static void checkName(YamlMap yaml, String name, Problems problems) {
        if (name.isEmpty()) {
            return;
        }
        if (!InputIds.isNamePart(name)) {
            problems.at(yaml.lineOf("name"), "field name '" + name + "' should be lower-case words joined by hyphens");
        } else if (ReservedNames.FIELD_NAMES.contains(name)) {
            problems.at(yaml.lineOf("name"), "field name '" + name + "' is reserved: choose another name");
        }
    }

    private static Optional<FieldType> readType(YamlMap yaml, String where) {
        Optional<String> word = yaml.requiredString("type", where);
        Optional<FieldType> type = word.flatMap(FieldType::find);
        if (word.isPresent() && type.isEmpty()) {
            yaml.problems().at(yaml.lineOf("type"), where + " has unknown type '" + word.get() + "' (known: "
                    + FieldType.known() + ")");
        }
        return type;
    }

    private static int readMaxLength(YamlMap yaml, FieldType type, String where) {
        if (!type.hasLength()) {
            refuse(yaml, "max-length", where, type);
            return 0;
        }
        return yaml.positiveInt("max-length").orElse(type.defaultMaxLength());
    }

    private static int readMaxItems(YamlMap yaml, FieldType type, String where) {
        if (type != FieldType.PUPIL_NAMES) {
            refuse(yaml, "max-items", where, type);
            return 0;
        }
        return yaml.positiveInt("max-items").orElse(DEFAULT_MAX_ITEMS);
    }

    private List<FieldOption> readOptions(YamlMap yaml, FieldType type, String where) {
        if (!type.takesOptions()) {
            refuse(yaml, "options", where, type);
            return List.of();
        }
        List<YamlMap> items = yaml.mappings("options");
        if (items.isEmpty()) {
            yaml.problems().at(yaml.line(), where + " (" + type.word() + ") has no options: list them under 'options:'");
        }
        List<FieldOption> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlMap item : items) {
            item.allowOnly(Set.of("value", "label"), "an option");
            Optional<String> value = item.requiredString("value", "an option of " + where);
            if (value.isPresent()) {
                checkIdPart(item, "value", "option value", seen);
            }
            Optional<LocalizedText> label = item.requiredText("label", languages, "an option of " + where);
            if (value.isPresent() && label.isPresent()) {
                options.add(new FieldOption(value.get(), label.get()));
            }
        }
        return options;
    }

    private List<ConsentStatement> readStatements(YamlMap yaml, FieldType type, String where) {
        if (type != FieldType.CONSENT) {
            refuse(yaml, "statements", where, type);
            return List.of();
        }
        List<YamlMap> items = yaml.mappings("statements");
        if (items.isEmpty()) {
            yaml.problems().at(yaml.line(), where + " (consent) has no statements: list them under 'statements:'");
        }
        List<ConsentStatement> statements = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlMap item : items) {
            item.allowOnly(Set.of("id", "text"), "a statement");
            Optional<String> id = item.requiredString("id", "a statement of " + where);
            if (id.isPresent()) {
                checkIdPart(item, "id", "statement id", seen);
            }
            Optional<LocalizedText> text = item.requiredText("text", languages, "a statement of " + where);
            if (id.isPresent() && text.isPresent()) {
                statements.add(new ConsentStatement(id.get(), text.get()));
            }
        }
        return statements;
    }

    /** Option values and statement ids become part of input ids and parameter names. */
    private static void checkIdPart(YamlMap item, String key, String what, Set<String> seen) {
        String value = item.string(key).orElse("");
        int line = item.lineOf(key);
        if (!InputIds.isNamePart(value)) {
            item.problems().at(line, what + " '" + value + "' should be lower-case words joined by hyphens");
        } else if (ReservedNames.ID_SUFFIXES.contains(value)) {
            item.problems().at(line, what + " '" + value + "' is reserved: choose another");
        } else if (!seen.add(value)) {
            item.problems().at(line, what + " '" + value + "' is used twice in this field");
        }
    }

    private static void refuse(YamlMap yaml, String key, String where, FieldType type) {
        if (yaml.has(key)) {
            yaml.problems().at(yaml.lineOf(key), where + ": '" + key + "' does not apply to type '" + type.word() + "'");
        }
    }
}
