package org.polisi.site.forms.definition;

import java.util.Optional;

/**
 * How long a form's submissions are kept, as a rule the forms server enforces ({@code ./polisi forms
 * purge}) and the privacy notice states ({@link RetentionSentence}), so the two cannot disagree.
 *
 * <ul>
 *   <li>{@link Rule#AFTER_SUBMISSION}: {@code amount} days or years after the form was sent;</li>
 *   <li>{@link Rule#AFTER_PUPIL_LEAVES}: until the end (31 August) of the school year in which the pupil
 *       leaves, plus {@code amount} years (0 or more). The leaving year is worked out from the form's
 *       {@code year-group} field and the last year group of the school ({@code lastYearGroup}, Year 6 in a
 *       primary school);</li>
 *   <li>{@link Rule#UNTIL_STAFF_DATE}: until a date that staff set on the record (a legal hold);
 *       never removed before a date is set.</li>
 * </ul>
 *
 * @param confirm why the school must confirm this rule (no source states it), or empty when the
 *                school's own policy states it; listed by {@code ./polisi report}
 */
public record Retention(Rule rule, int amount, Unit unit, Optional<String> yearGroupField, String lastYearGroup,
                        Optional<String> confirm) {

    /** The kinds of rule, as written after {@code rule:} in YAML and in the manifest. */
    public enum Rule {
        AFTER_SUBMISSION("after-submission"),
        AFTER_PUPIL_LEAVES("after-pupil-leaves"),
        UNTIL_STAFF_DATE("until-staff-date");

        private final String word;

        Rule(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Optional<Rule> fromWord(String word) {
            for (Rule rule : values()) {
                if (rule.word.equals(word)) {
                    return Optional.of(rule);
                }
            }
            return Optional.empty();
        }
    }

    /** The unit of {@code amount}: days or years ({@link Rule#AFTER_PUPIL_LEAVES} counts years only). */
    public enum Unit {
        DAYS("days"), YEARS("years"), NONE("none");

        private final String word;

        Unit(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The last value a {@code year-group} field offers: where a primary school's pupils leave. */
    public static final String DEFAULT_LAST_YEAR_GROUP = "year-6";
}
