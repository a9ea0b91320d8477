package org.polisi.contract;

import java.util.List;
import java.util.stream.Stream;

/**
 * The values a {@code year-group} field posts, youngest first (docs/forms.md): nursery, reception and
 * Years 1 to 6 of a primary school in England and Wales. The words people read come from the bundles
 * ({@code forms.year-group.<value>}, {@code year-group.<value>}).
 */
public final class YearGroups {

    public static final List<String> VALUES = Stream.concat(Stream.of("nursery", "reception"),
            Stream.of(1, 2, 3, 4, 5, 6).map(year -> "year-" + year)).toList();

    /** The last year group when a retention rule names none: where a primary school's pupils leave. */
    public static final String DEFAULT_LAST = "year-6";

    private YearGroups() {
    }
}
