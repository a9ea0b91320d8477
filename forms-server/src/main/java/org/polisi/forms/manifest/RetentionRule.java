package org.polisi.forms.manifest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A form's retention rule as the manifest publishes it ({@code retention}), and the one place that
 * works out until when a record is kept. The privacy notice's sentence is generated from the same
 * rule by the site build, so the page promises exactly what {@code ./polisi forms purge} applies.
 *
 * <ul>
 *   <li>{@code after-submission}: {@code amount} {@code days} or {@code years} after receipt;</li>
 *   <li>{@code after-pupil-leaves}: until the end of the school year in which the pupil leaves (31
 *       August, England and Wales), plus {@code amount} years. The pupil's year group at receipt is
 *       the answer to {@code yearGroupField}; they leave at the end of the school year in which they
 *       are in {@code lastYearGroup};</li>
 *   <li>{@code until-staff-date}: until the date staff set on the record (a legal hold); kept
 *       while none is set.</li>
 * </ul>
 *
 * @param confirm why the school must still confirm the rule, or null when its policy states it
 */
public record RetentionRule(String rule, int amount, String unit, String yearGroupField, String lastYearGroup,
                            String confirm) {

    public static final String AFTER_SUBMISSION = "after-submission";
    public static final String AFTER_PUPIL_LEAVES = "after-pupil-leaves";
    public static final String UNTIL_STAFF_DATE = "until-staff-date";

    /** The year groups a {@code year-group} field posts, youngest first (docs/forms.md). */
    public static final List<String> YEAR_GROUPS = List.of("nursery", "reception", "year-1", "year-2", "year-3",
            "year-4", "year-5", "year-6");

    /** A school year ends on 31 August in England and Wales. */
    private static final MonthDay END_OF_SCHOOL_YEAR = MonthDay.of(8, 31);

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
        return switch (rule == null ? "" : rule) {
            case AFTER_SUBMISSION -> amount <= 0 ? Optional.empty()
                    : Optional.of("days".equals(unit) ? received.plusDays(amount) : received.plusYears(amount));
            case AFTER_PUPIL_LEAVES -> yearGroup.flatMap(group -> leavingYearEnd(received, group))
                    .map(end -> end.plusYears(amount));
            case UNTIL_STAFF_DATE -> staffSetDate;
            default -> Optional.empty();
        };
    }

    /** Says, in English for the operator, why a record is kept until that day. */
    public String explain() {
        return switch (rule == null ? "" : rule) {
            case AFTER_SUBMISSION -> amount + " " + unit + " after it was received";
            case AFTER_PUPIL_LEAVES -> "end of the school year the pupil leaves (" + lastYearGroup + ")"
                    + (amount > 0 ? " plus " + amount + " year(s)" : "");
            case UNTIL_STAFF_DATE -> "the date staff set on it";
            default -> "no rule";
        };
    }

    public boolean known() {
        return AFTER_SUBMISSION.equals(rule) || AFTER_PUPIL_LEAVES.equals(rule) || UNTIL_STAFF_DATE.equals(rule);
    }

    /** 31 August of the school year in which a pupil in {@code yearGroup} on {@code received} is in the last year group. */
    private Optional<LocalDate> leavingYearEnd(LocalDate received, String yearGroup) {
        int now = YEAR_GROUPS.indexOf(yearGroup);
        int last = YEAR_GROUPS.indexOf(lastYearGroup == null ? "year-6" : lastYearGroup);
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
