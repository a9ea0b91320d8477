package org.polisi.site.forms.definition;

import org.polisi.site.content.YamlSyntax;
import org.polisi.site.problem.ContentException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormKind;
import org.polisi.contract.SignerGroup;
import org.polisi.contract.RetentionRule;
import org.polisi.contract.AlertRoles;

/** Reads one {@code forms/<id>.yml} file and checks it against docs/forms.md. */
final class FormDefinitionReader {

    private static final Set<String> KEYS = Set.of("id", "kind", "title", "introduction", "declaration",
            "confirmation", "reader-role", "notify", "retention", "purpose", "lawful-basis", "fields", "signed-by",
            "urgent-steps");

    /** What one file gave: the definition when it is sound, and everything wrong with it. */
    record Result(Optional<FormDefinition> definition, List<FormProblem> problems) {
    }

    private final List<String> languages;

    FormDefinitionReader(List<String> languages) {
        this.languages = List.copyOf(languages);
    }

    Result read(Path file) {
        Problems problems = new Problems(file);
        Optional<FormDefinition> definition = compose(file, problems)
                .flatMap(root -> YamlMap.of(root, "a form definition", problems))
                .flatMap(yaml -> definition(yaml, file));
        return new Result(problems.count() == 0 ? definition : Optional.empty(), problems.all());
    }

    /** The file's root node, or empty after reporting why not (a YAML slip at its line, {@link YamlSyntax}). */
    private static Optional<Node> compose(Path file, Problems problems) {
        try {
            Node root = YamlSyntax.compose(file);
            if (root == null) {
                problems.at(1, "the file is empty");
            }
            return Optional.ofNullable(root);
        } catch (ContentException invalid) {
            invalid.problems().forEach(p -> problems.at(p.line(), p.message()));
        }
        return Optional.empty();
    }

    private Optional<FormDefinition> definition(YamlMap yaml, Path file) {
        yaml.allowOnly(KEYS, "a form definition");
        String where = "the form";
        Optional<String> id = yaml.requiredString("id", where);
        String expectedId = file.getFileName().toString().replaceFirst("\\.yml$", "");
        id.filter(given -> !given.equals(expectedId)).ifPresent(given -> yaml.problems().at(yaml.lineOf("id"),
                "id '" + given + "' does not match the file name: the id must be '" + expectedId + "'"));
        Optional<FormKind> kind = readKind(yaml);
        Optional<LocalizedText> title = yaml.requiredText("title", languages, where);
        Optional<LocalizedText> introduction = yaml.text("introduction", languages);
        Optional<LocalizedText> declaration = yaml.text("declaration", languages);
        Optional<LocalizedText> urgentSteps = yaml.text("urgent-steps", languages);
        kind.filter(known -> known != FormKind.INCIDENT && yaml.has("urgent-steps")).ifPresent(known -> yaml.problems()
                .at(yaml.lineOf("urgent-steps"), "urgent-steps is for incident forms only, not a " + known.word() + " form"));
        Optional<LocalizedText> confirmation = yaml.requiredText("confirmation", languages, where);
        Optional<String> readerRole = yaml.requiredString("reader-role", where);
        // whether it is a role a staff account can hold is checked with its words (compose.FormReferences.checkRoles)
        Optional<RetentionRule> retention = readRetention(yaml);
        Optional<LocalizedText> purpose = yaml.requiredText("purpose", languages, where + " (its privacy notice)");
        Optional<LocalizedText> lawfulBasis = yaml.requiredText("lawful-basis", languages, where + " (its privacy notice)");
        List<YamlMap> items = yaml.mappings("fields");
        List<FormField> fields = readFields(yaml, items);
        AlertRoles alerts = kind.map(known -> NotifyReader.read(yaml, known)).orElse(AlertRoles.NONE);
        retention.ifPresent(rule -> checkYearGroupField(yaml, rule, fields));
        kind.ifPresent(known -> checkWithdrawalFields(yaml, known, fields));
        kind.ifPresent(known -> FormKindRules.check(yaml, known, items, fields));
        kind.ifPresent(known -> ObjectionRules.check(yaml, known, fields, lawfulBasis, languages));
        Optional<SignerGroup> signedBy = readSignedBy(yaml, kind);
        if (yaml.problems().count() > 0) {
            return Optional.empty();
        }
        return Optional.of(new FormDefinition(id.get(), kind.get(), title.get(), introduction, declaration,
                confirmation.get(), readerRole.get(), alerts, retention.get(), purpose.get(), lawfulBasis.get(), fields,
                signedBy, urgentSteps, file, yaml.keyLine("retention")));
    }

    /** An agreement says who signs it; no other kind of form may. */
    private static Optional<SignerGroup> readSignedBy(YamlMap yaml, Optional<FormKind> kind) {
        boolean agreement = kind.filter(k -> k == FormKind.AGREEMENT).isPresent();
        if (!yaml.has("signed-by")) {
            if (agreement) {
                yaml.problems().at(yaml.line(), "an agreement must say who signs it: signed-by: staff, pupils, parents or others");
            }
            return Optional.empty();
        }
        if (kind.isPresent() && !agreement) {
            yaml.problems().at(yaml.lineOf("signed-by"), "signed-by is for agreements only, not a " + kind.get().word() + " form");
            return Optional.empty();
        }
        Optional<String> word = yaml.string("signed-by");
        Optional<SignerGroup> group = word.flatMap(SignerGroup::find);
        if (group.isEmpty()) {
            yaml.problems().at(yaml.lineOf("signed-by"), "signed-by '" + word.orElse("") + "' is not one of " + SignerGroup.known());
        }
        return group;
    }

    private static Optional<FormKind> readKind(YamlMap yaml) {
        Optional<String> word = yaml.requiredString("kind", "the form");
        Optional<FormKind> kind = word.flatMap(FormKind::find);
        if (word.isPresent() && kind.isEmpty()) {
            yaml.problems().at(yaml.lineOf("kind"),
                    "unknown kind '" + word.get() + "' (known: " + FormKind.known() + ")");
        }
        return kind;
    }

    private static Optional<RetentionRule> readRetention(YamlMap yaml) {
        if (!yaml.has("retention")) {
            yaml.problems().at(yaml.line(), "the form has no 'retention' rule (see docs/forms.md)");
            return Optional.empty();
        }
        return yaml.mapping("retention").flatMap(RetentionReader::read);
    }

    /**
     * A withdrawal names the consent form it withdraws from ({@code consent-form}), the child
     * ({@code pupil-names}) and, when the parent has it, the consent's {@code reference}; the server
     * then asks which statements. Other kinds have no {@code consent-form} field.
     */
    private static void checkWithdrawalFields(YamlMap yaml, FormKind kind, List<FormField> fields) {
        long consentForms = fields.stream().filter(field -> field.type() == FieldType.CONSENT_FORM).count();
        if (kind != FormKind.WITHDRAWAL) {
            if (consentForms > 0) {
                yaml.problems().at(yaml.lineOf("fields"), "a 'consent-form' field belongs in withdrawal forms only");
            }
            return;
        }
        boolean reference = fields.stream().anyMatch(field -> field.name().equals("reference")
                && field.type() == FieldType.TEXT && !field.required());
        boolean pupils = fields.stream().anyMatch(field -> field.type() == FieldType.PUPIL_NAMES && field.required());
        if (consentForms != 1 || !reference || !pupils) {
            yaml.problems().at(yaml.lineOf("fields"), "a withdrawal form needs one required 'consent-form' field,"
                    + " a required 'pupil-names' field and an optional text field named 'reference' (docs/forms.md)");
        }
    }

    /** The after-pupil-leaves rule reads the pupil's year group from a field of this form. */
    private static void checkYearGroupField(YamlMap yaml, RetentionRule rule, List<FormField> fields) {
        rule.yearGroupFieldName().ifPresent(name -> {
            boolean found = fields.stream().anyMatch(field -> field.name().equals(name)
                    && field.type() == FieldType.YEAR_GROUP);
            if (!found) {
                yaml.problems().at(yaml.lineOf("retention"), "retention year-group-field '" + name
                        + "' is not a field of type year-group in this form");
            }
        });
    }

    private List<FormField> readFields(YamlMap yaml, List<YamlMap> items) {
        if (items.isEmpty()) {
            yaml.problems().at(yaml.lineOf("fields"), "the form has no fields");
        }
        FieldReader reader = new FieldReader(languages);
        List<FormField> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlMap item : items) {
            reader.read(item).ifPresent(field -> {
                if (names.add(field.name())) {
                    fields.add(field);
                } else {
                    item.problems().at(item.lineOf("name"), "field name '" + field.name() + "' is used twice in this form");
                }
            });
        }
        return fields;
    }
}
