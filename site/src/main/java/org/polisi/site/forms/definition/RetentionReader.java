package org.polisi.site.forms.definition;

import java.util.Optional;
import java.util.Set;

/** Reads a form's {@code retention:} mapping into a {@link Retention} rule, reporting each mistake at its line. */
final class RetentionReader {

    private static final Set<String> KEYS = Set.of("rule", "days", "years", "year-group-field", "last-year-group",
            "confirm");

    private RetentionReader() {
    }

    static Optional<Retention> read(YamlMap retention) {
        Problems problems = retention.problems();
        int before = problems.count();
        if (retention.has("text")) {
            problems.at(retention.lineOf("text"), "retention takes no 'text': the privacy notice's sentence is"
                    + " generated from the rule, so that it says what the server applies");
        }
        retention.allowOnly(union(KEYS, Set.of("text")), "retention");
        Optional<String> word = retention.requiredString("rule", "retention");
        Optional<Retention.Rule> rule = word.flatMap(Retention.Rule::fromWord);
        if (word.isPresent() && rule.isEmpty()) {
            problems.at(retention.lineOf("rule"), "unknown retention rule '" + word.get()
                    + "' (known: after-submission, after-pupil-leaves, until-staff-date)");
        }
        Optional<String> confirm = retention.string("confirm");
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        Retention result = switch (rule.get()) {
            case AFTER_SUBMISSION -> afterSubmission(retention, confirm);
            case AFTER_PUPIL_LEAVES -> afterPupilLeaves(retention, confirm);
            case UNTIL_STAFF_DATE -> {
                refuse(retention, rule.get(), "days", "years", "year-group-field", "last-year-group");
                yield new Retention(Retention.Rule.UNTIL_STAFF_DATE, 0, Retention.Unit.NONE, Optional.empty(),
                        Retention.DEFAULT_LAST_YEAR_GROUP, confirm);
            }
        };
        return problems.count() > before ? Optional.empty() : Optional.of(result);
    }

    private static Retention afterSubmission(YamlMap retention, Optional<String> confirm) {
        refuse(retention, Retention.Rule.AFTER_SUBMISSION, "year-group-field", "last-year-group");
        boolean days = retention.has("days");
        boolean years = retention.has("years");
        if (days == years) {
            retention.problems().at(retention.line(),
                    "retention after-submission needs exactly one of 'days' or 'years'");
            return null;
        }
        int amount = retention.positiveInt(days ? "days" : "years").orElse(0);
        return new Retention(Retention.Rule.AFTER_SUBMISSION, amount, days ? Retention.Unit.DAYS : Retention.Unit.YEARS,
                Optional.empty(), Retention.DEFAULT_LAST_YEAR_GROUP, confirm);
    }

    private static Retention afterPupilLeaves(YamlMap retention, Optional<String> confirm) {
        refuse(retention, Retention.Rule.AFTER_PUPIL_LEAVES, "days");
        int years = 0;
        if (retention.has("years")) {
            years = retention.string("years").flatMap(RetentionReader::wholeNumber).orElseGet(() -> {
                retention.problems().at(retention.lineOf("years"), "'years' should be a whole number of 0 or more");
                return 0;
            });
        }
        Optional<String> field = retention.requiredString("year-group-field", "retention after-pupil-leaves");
        String last = retention.string("last-year-group").orElse(Retention.DEFAULT_LAST_YEAR_GROUP);
        if (!Choices.YEAR_GROUPS.contains(last)) {
            retention.problems().at(retention.lineOf("last-year-group"), "last-year-group '" + last
                    + "' is not a year group (known: " + String.join(", ", Choices.YEAR_GROUPS) + ")");
        }
        return new Retention(Retention.Rule.AFTER_PUPIL_LEAVES, years, Retention.Unit.YEARS, field, last, confirm);
    }

    private static Optional<Integer> wholeNumber(String text) {
        try {
            int number = Integer.parseInt(text);
            return number >= 0 ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static void refuse(YamlMap retention, Retention.Rule rule, String... keys) {
        for (String key : keys) {
            if (retention.has(key)) {
                retention.problems().at(retention.lineOf(key),
                        "'" + key + "' does not apply to retention rule " + rule.word());
            }
        }
    }

    private static Set<String> union(Set<String> one, Set<String> other) {
        java.util.Set<String> all = new java.util.HashSet<>(one);
        all.addAll(other);
        return all;
    }
}
