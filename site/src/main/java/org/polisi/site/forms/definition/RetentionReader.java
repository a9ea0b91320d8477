package org.polisi.site.forms.definition;

import java.util.Optional;
import java.util.Set;
import org.polisi.contract.RetentionRule;
import org.polisi.contract.YearGroups;

/** Reads a form's {@code retention:} mapping into a {@link RetentionRule} rule, reporting each mistake at its line. */
final class RetentionReader {

    private static final Set<String> KEYS = Set.of("rule", "days", "years", "year-group-field", "last-year-group",
            "confirm");

    private RetentionReader() {
    }

    static Optional<RetentionRule> read(YamlMap retention) {
        Problems problems = retention.problems();
        int before = problems.count();
        if (retention.has("text")) {
            problems.at(retention.lineOf("text"), "retention takes no 'text': the privacy notice's sentence is"
                    + " generated from the rule, so that it says what the server applies");
        }
        retention.allowOnly(union(KEYS, Set.of("text")), "retention");
        Optional<String> word = retention.requiredString("rule", "retention");
        Optional<RetentionRule.Rule> rule = word.flatMap(RetentionRule.Rule::find);
        if (word.isPresent() && rule.isEmpty()) {
            problems.at(retention.lineOf("rule"), "unknown retention rule '" + word.get()
                    + "' (known: " + RetentionRule.Rule.known() + ")");
        }
        Optional<String> confirm = retention.string("confirm");
        if (rule.isEmpty()) {
            return Optional.empty();
        }
        RetentionRule result = switch (rule.get()) {
            case AFTER_SUBMISSION -> afterSubmission(retention, confirm);
            case AFTER_PUPIL_LEAVES -> afterPupilLeaves(retention, confirm);
            case UNTIL_STAFF_DATE -> {
                refuse(retention, rule.get(), "days", "years", "year-group-field", "last-year-group");
                yield new RetentionRule(RetentionRule.Rule.UNTIL_STAFF_DATE, 0, RetentionRule.Unit.NONE, null,
                        YearGroups.DEFAULT_LAST, confirm.orElse(null));
            }
        };
        return problems.count() > before ? Optional.empty() : Optional.of(result);
    }

    private static RetentionRule afterSubmission(YamlMap retention, Optional<String> confirm) {
        refuse(retention, RetentionRule.Rule.AFTER_SUBMISSION, "year-group-field", "last-year-group");
        boolean days = retention.has("days");
        boolean years = retention.has("years");
        if (days == years) {
            retention.problems().at(retention.line(),
                    "retention after-submission needs exactly one of 'days' or 'years'");
            return null;
        }
        int amount = retention.positiveInt(days ? "days" : "years").orElse(0);
        return new RetentionRule(RetentionRule.Rule.AFTER_SUBMISSION, amount, days ? RetentionRule.Unit.DAYS : RetentionRule.Unit.YEARS,
                null, YearGroups.DEFAULT_LAST, confirm.orElse(null));
    }

    private static RetentionRule afterPupilLeaves(YamlMap retention, Optional<String> confirm) {
        refuse(retention, RetentionRule.Rule.AFTER_PUPIL_LEAVES, "days");
        int years = 0;
        if (retention.has("years")) {
            years = retention.string("years").flatMap(RetentionReader::wholeNumber).orElseGet(() -> {
                retention.problems().at(retention.lineOf("years"), "'years' should be a whole number of 0 or more");
                return 0;
            });
        }
        Optional<String> field = retention.requiredString("year-group-field", "retention after-pupil-leaves");
        String last = retention.string("last-year-group").orElse(YearGroups.DEFAULT_LAST);
        if (!YearGroups.VALUES.contains(last)) {
            retention.problems().at(retention.lineOf("last-year-group"), "last-year-group '" + last
                    + "' is not a year group (known: " + String.join(", ", YearGroups.VALUES) + ")");
        }
        return new RetentionRule(RetentionRule.Rule.AFTER_PUPIL_LEAVES, years, RetentionRule.Unit.YEARS, field.orElse(null), last,
                confirm.orElse(null));
    }

    private static Optional<Integer> wholeNumber(String text) {
        try {
            int number = Integer.parseInt(text);
            return number >= 0 ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static void refuse(YamlMap retention, RetentionRule.Rule rule, String... keys) {
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
