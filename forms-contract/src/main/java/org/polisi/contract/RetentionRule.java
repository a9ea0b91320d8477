package org.polisi.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How long a form's submissions are kept ({@code retention}, docs/forms.md), and the one place that works
 * out until when a record is kept. The site words the privacy notice from the same rule, so the page
 * promises exactly what {@code ./polisi forms purge} applies (docs/adr/0029).
 *
 * <ul>
 *   <li>{@link Rule#AFTER_SUBMISSION}: {@code amount} {@code days} or {@code years} after receipt;</li>
 *   <li>{@link Rule#AFTER_PUPIL_LEAVES}: until the end of the school year in which the pupil leaves (31
 *       August, England and Wales), plus {@code amount} years. The pupil's year group at receipt is
 *       the answer to {@code yearGroupField}; they leave at the end of the school year in which they
 *       are in {@code lastYearGroup};</li>
 *   <li>{@link Rule#UNTIL_STAFF_DATE}: until the date staff set on the record (a legal hold); kept
 *       while none is set.</li>
 * </ul>
 *
 * @param yearGroupField the year-group field the rule reads, for {@code after-pupil-leaves} only; else absent
 * @param confirm        why the school must still confirm the rule, or absent when its policy states it;
 *                       listed by {@code ./polisi report}
 */
@JsonPropertyOrder({"rule", "amount", "unit", "yearGroupField", "lastYearGroup", "confirm"})
public record RetentionRule(
        @JsonProperty(required = true) Rule rule,
        @JsonProperty(required = true) int amount,
        @JsonProperty(required = true) Unit unit,
        @JsonInclude(JsonInclude.Include.NON_NULL) String yearGroupField,
        @JsonProperty(required = true) String lastYearGroup,
        @JsonInclude(JsonInclude.Include.NON_NULL) String confirm) {

    /** The kinds of rule, as written after {@code rule:} in YAML and in the manifest. */
    public enum Rule {
        AFTER_SUBMISSION("after-submission"),
        AFTER_PUPIL_LEAVES("after-pupil-leaves"),
        UNTIL_STAFF_DATE("until-staff-date");

        private final String word;

        Rule(String word) {
            this.word = word;
        }

        @JsonValue
        public String word() {
            return word;
        }

        public static Optional<Rule> find(String word) {
            return Words.find(values(), Rule::word, word);
        }

        @JsonCreator
        public static Rule fromWord(String word) {
            return Words.require(values(), Rule::word, word, "retention rule");
        }

        public static String known() {
            return Words.known(values(), Rule::word);
        }
    }

    /** The unit of {@code amount}: days or years ({@link Rule#AFTER_PUPIL_LEAVES} counts years only), none for a staff date. */
    public enum Unit {
        DAYS("days"), YEARS("years"), NONE("none");

        private final String word;

        Unit(String word) {
            this.word = word;
        }

        @JsonValue
        public String word() {
            return word;
        }

        @JsonCreator
        public static Unit fromWord(String word) {
            return Words.require(values(), Unit::word, word, "retention unit");
        }
    }

    /** A school year ends on 31 August in England and Wales. */
    private static final MonthDay END_OF_SCHOOL_YEAR = MonthDay.of(8, 31);

    public RetentionRule {
        Texts.required(rule, "retention rule");
        Texts.required(unit, "retention unit");
        Texts.required(lastYearGroup, "retention lastYearGroup");
    }

    public Optional<String> yearGroupFieldName() {
        return Optional.ofNullable(yearGroupField);
    }

    public Optional<String> confirmation() {
        return Optional.ofNullable(confirm);
    }

    /**
     * The last day the record is kept (in the school's time zone), or empty when the rule keeps it
     * for now: no date set by staff yet, or an answer the rule needs is missing.
     *
     * @param receivedAt    when the form arrived
     * @param yearGroup     the answer to {@code yearGroupField}, if any
     * @param staffSetDate  the date staff set on the record, if any
     */
    public Optional<LocalDate> keptUntil(Instant receivedAt, Optional<String> yearGroup,
                                         Optional<LocalDate> staffSetDate, ZoneId schoolTime) {
        LocalDate received = receivedAt.atZone(schoolTime).toLocalDate();
        return switch (rule) {
            case AFTER_SUBMISSION -> amount <= 0 ? Optional.empty()
                    : Optional.of(unit == Unit.DAYS ? received.plusDays(amount) : received.plusYears(amount));
            case AFTER_PUPIL_LEAVES -> yearGroup.flatMap(group -> leavingYearEnd(received, group))
                    .map(end -> end.plusYears(amount));
            case UNTIL_STAFF_DATE -> staffSetDate;
        };
    }

    /** Says, in English for the operator, why a record is kept until that day. */
    public String explain() {
        return switch (rule) {
            case AFTER_SUBMISSION -> amount + " " + unit.word() + " after it was received";
            case AFTER_PUPIL_LEAVES -> "end of the school year the pupil leaves (" + lastYearGroup + ")"
                    + (amount > 0 ? " plus " + amount + " year(s)" : "");
            case UNTIL_STAFF_DATE -> "the date staff set on it";
        };
    }

    /** 31 August of the school year in which a pupil in {@code yearGroup} on {@code received} is in the last year group. */
    private Optional<LocalDate> leavingYearEnd(LocalDate received, String yearGroup) {
        int now = YearGroups.VALUES.indexOf(yearGroup);
        int last = YearGroups.VALUES.indexOf(lastYearGroup);
        if (now < 0 || last < 0) {
            return Optional.empty();
        }
        LocalDate endOfThisYear = END_OF_SCHOOL_YEAR.atYear(received.getYear());
        if (received.isAfter(endOfThisYear)) {
            endOfThisYear = endOfThisYear.plusYears(1);
        }
        return Optional.of(endOfThisYear.plusYears(Math.max(0, last - now)));
    }
}
