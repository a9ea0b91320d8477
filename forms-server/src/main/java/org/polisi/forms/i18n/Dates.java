package org.polisi.forms.i18n;

import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * Times as people in Wales read them: UK time (GMT or BST, whichever applied at that instant), day
 * month year, 24-hour clock, with month names in the reader's language. The names come from CLDR
 * through ICU4J, the one source of month and day names for the site and the server, not from a
 * table of our own or from the JDK (whose Welsh locale data varies between runtimes).
 */
public final class Dates {

    public static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");
    private static final TimeZone UK = TimeZone.getTimeZone(SCHOOL_TIME.getId());

    private Dates() {
    }

    /** "30 Tachwedd 2026, 10:28" / "30 November 2026, 10:28", in UK time. */
    public static String display(Instant instant, String language) {
        return format("d MMMM y, HH:mm", Date.from(instant), UK, language);
    }

    /** As {@link #display} with the UK offset then in force: "30 November 2026, 10:28 +00:00". */
    public static String displayWithOffset(Instant instant, String language) {
        return format("d MMMM y, HH:mm xxx", Date.from(instant), UK, language);
    }

    /** A day without a time, such as a date a form asked for: "11 Tachwedd 2026", "11 November 2026". */
    public static String day(LocalDate date, String language) {
        return format("d MMMM y", Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()), TimeZone.GMT_ZONE, language);
    }

    /** A month on its own, as a heading or a table cell: "Tachwedd 2026". */
    public static String month(YearMonth month, String language) {
        return format("LLLL y", Date.from(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()), TimeZone.GMT_ZONE, language);
    }

    private static String format(String pattern, Date when, TimeZone zone, String language) {
        SimpleDateFormat format = new SimpleDateFormat(pattern, ULocale.forLanguageTag(Messages.supported(language)));
        format.setTimeZone(zone);
        return format.format(when);
    }
}
