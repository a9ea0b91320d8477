package org.polisi.forms.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as people in Wales read them: UK time, day month year, 24-hour clock, month names in their language. */
public final class Dates {

    public static final ZoneId SCHOOL_TIME = ZoneId.of("Europe/London");
    private static final String[] WELSH_MONTHS = {"Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
        "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"};

    private Dates() {
    }

    public static String display(Instant instant, String language) {
        var local = instant.atZone(SCHOOL_TIME);
        String time = DateTimeFormatter.ofPattern("HH:mm").format(local);
        if (Messages.WELSH.equals(language)) {
            // the JDK's Welsh month names vary between versions; these are the ones schools use
            return local.getDayOfMonth() + " " + WELSH_MONTHS[local.getMonthValue() - 1] + " " + local.getYear()
                    + ", " + time;
        }
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(local) + ", " + time;
    }

    /** A day without a time: "22 November 2026", "22 Tachwedd 2026". */
    public static String day(java.time.LocalDate day, String language) {
        if (Messages.WELSH.equals(language)) {
            return day.getDayOfMonth() + " " + WELSH_MONTHS[day.getMonthValue() - 1] + " " + day.getYear();
        }
        return DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).format(day);
    }

    public static String month(java.time.YearMonth month, String language) {
        if (Messages.WELSH.equals(language)) {
            return WELSH_MONTHS[month.getMonthValue() - 1] + " " + month.getYear();
        }
        return DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK).format(month);
    }
}
