package org.polisi.site.forms.definition;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.polisi.contract.FieldType;
import org.polisi.contract.FormKind;

/**
 * What makes a form a notice of objection (kind {@code objection}, issue 15, docs/adr/0057): the person
 * ticks what they do NOT agree to, in a required {@code checkboxes} field, so an empty notice cannot be
 * sent; it asks no consent statements; and its privacy notice does not give consent as the lawful basis,
 * since an opt-out rests on another basis with the right to object (UK GDPR Articles 6(1)(a), 7 and 21).
 * Forms of another kind are not checked here.
 */
final class ObjectionRules {

    /** Article 6(1)(a), however it is spaced. */
    private static final Pattern ARTICLE_6_1_A = Pattern.compile("6\\s*\\(\\s*1\\s*\\)\\s*\\(\\s*a\\s*\\)");

    /**
     * The word for consent in each language, initial mutations included (caniatâd, ganiatâd, nghaniatâd,
     * chaniatâd; cydsyniad and its mutations), after content/glossary.yml.
     */
    private static final List<Pattern> CONSENT_WORDS = List.of(
            Pattern.compile("\\bconsent", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            Pattern.compile("aniatâd|ydsyniad", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));

    private ObjectionRules() {
    }

    /**
     * Reports, at the line concerned, what keeps an objection form from being one.
     *
     * @param lawfulBasis the form's lawful basis, when it has one (its absence is reported elsewhere)
     */
    static void check(YamlMap yaml, FormKind kind, List<FormField> fields, Optional<LocalizedText> lawfulBasis,
                      List<String> languages) {
        if (kind != FormKind.OBJECTION) {
            return;
        }
        boolean ticks = fields.stream().anyMatch(field -> field.type() == FieldType.CHECKBOXES && field.required());
        if (!ticks) {
            yaml.problems().at(yaml.lineOf("fields"), "an objection form needs a required 'checkboxes' field:"
                    + " the person ticks what they do not agree to, at least one (docs/forms.md)");
        }
        fields.stream().filter(field -> field.type() == FieldType.CONSENT).findFirst().ifPresent(field ->
                yaml.problems().at(yaml.lineOf("fields"), "an objection form asks no consent statements (field '"
                        + field.name() + "'): the person ticks what they object to"));
        lawfulBasis.ifPresent(basis -> languages.forEach(language -> {
            String text = basis.in(language);
            if (ARTICLE_6_1_A.matcher(text).find()
                    || CONSENT_WORDS.stream().anyMatch(word -> word.matcher(text).find())) {
                int line = yaml.mapping("lawful-basis").map(texts -> texts.lineOf(language))
                        .orElse(yaml.lineOf("lawful-basis"));
                yaml.problems().at(line, "the lawful basis of an objection form must not be consent (its '"
                        + language + "' text): an opt-out does not rest on consent"
                        + " (UK GDPR Article 7); give the basis it rests on and the right to object (Article 21)");
            }
        }));
    }
}
