package org.polisi.forms.roster;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.polisi.forms.text.TypedText;

/**
 * Reads a roster: one pupil a line, the pupil's name then their class, as a CSV file (RFC 4180,
 * read by Apache Commons CSV, ADR 0045) or as two columns pasted from a spreadsheet (tab-separated).
 * A first line of column names ("pupil, class", "disgybl, dosbarth"…) is skipped; a byte order mark
 * is ignored; names and classes are kept as typed after NFC and control-character removal
 * ({@link TypedText#normaliseTable}: tabs kept as column separators) and trimming.
 */
public final class RosterCsv {

    /** The most pupils one roster may hold: far more than any school the project serves. */
    public static final int MAX_PUPILS = 5000;
    /** The longest name or class, in characters (a pupil-names answer allows 100). */
    public static final int MAX_LENGTH = 100;
    private static final Set<String> HEADER_WORDS = Set.of("pupil", "name", "pupil name", "class", "year",
            "year group", "disgybl", "enw", "enw'r disgybl", "dosbarth", "blwyddyn", "grŵp blwyddyn");

    private RosterCsv() {
    }

    /** A pupil and their class as the roster gives them, and the line they are on. */
    public record Pupil(String name, String className, long line) {
    }

    /**
     * A line that cannot be read, and why.
     *
     * @param key {@code roster.error.columns} (not two columns), {@code roster.error.empty-name},
     *            {@code roster.error.too-long}, {@code roster.error.too-many}, {@code roster.error.empty}
     *            or {@code roster.error.unreadable} (not CSV: an unclosed quote)
     */
    public record Problem(long line, String key) {
    }

    /** The pupils read and the problems found: a roster with any problem is refused whole. */
    public record Parsed(List<Pupil> pupils, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Reads the text of a roster; never throws for bad input, which becomes {@link Problem}s. */
    public static Parsed parse(String text) {
        String clean = TypedText.normaliseTable(text == null ? "" : text).replace("\uFEFF", "");
        String firstLine = clean.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        CSVFormat format = (firstLine.contains("\t") && !firstLine.contains(",") ? CSVFormat.TDF : CSVFormat.DEFAULT)
                .builder().setIgnoreEmptyLines(true).setTrim(true).build();
        List<Pupil> pupils = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try {
            boolean first = true;
            for (CSVRecord record : format.parse(new StringReader(clean))) {
                long line = record.getParser().getCurrentLineNumber();
                if (first && isHeader(record)) {
                    first = false;
                    continue;
                }
                first = false;
                check(record, line, pupils, problems);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.add(new Problem(0, "roster.error.unreadable"));
        }
        if (pupils.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "roster.error.empty"));
        }
        if (pupils.size() > MAX_PUPILS) {
            problems.add(new Problem(0, "roster.error.too-many"));
        }
        return new Parsed(List.copyOf(pupils), List.copyOf(problems));
    }

    private static void check(CSVRecord record, long line, List<Pupil> pupils, List<Problem> problems) {
        List<String> cells = record.toList().stream().map(String::strip).toList();
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty() && cells.size() > 2) {
            cells = cells.subList(0, cells.size() - 1); // a spreadsheet's trailing empty columns
        }
        if (cells.size() != 2) {
            problems.add(new Problem(line, "roster.error.columns"));
        } else if (!TypedText.hasVisibleCharacter(cells.get(0))) {
            problems.add(new Problem(line, "roster.error.empty-name"));
        } else if (cells.get(0).length() > MAX_LENGTH || cells.get(1).length() > MAX_LENGTH) {
            problems.add(new Problem(line, "roster.error.too-long"));
        } else {
            pupils.add(new Pupil(cells.get(0), cells.get(1), line));
        }
    }

    private static boolean isHeader(CSVRecord record) {
        return record.size() >= 2 && record.toList().stream().limit(2)
                .allMatch(cell -> HEADER_WORDS.contains(cell.strip().toLowerCase(Locale.ROOT).replace('’', '\'')));
    }
}
