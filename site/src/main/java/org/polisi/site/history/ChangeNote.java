package org.polisi.site.history;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary an author writes in a page's source at a change: a header attribute
 * {@code :change-note: Added a section on live streaming.} or a comment
 * {@code // polisi: change-note Added a section on live streaming.}, in the file of the language it
 * describes. A note that starts with the word {@code minor} (e.g. {@code minor: typing error}) marks
 * the change as minor: it is left out of the list, as GOV.UK leaves out minor changes.
 *
 * @param text the summary as written (trimmed), empty when the file carries none
 */
public record ChangeNote(String text) {
    private static final Pattern ATTRIBUTE = Pattern.compile("^:change-note:\\s*(.*)$");
    private static final Pattern COMMENT = Pattern.compile("^//\\s*polisi:\\s*change-note\\b\\s*(.*)$");
    private static final Pattern MINOR = Pattern.compile("^minor\\b[\\s:.-]*", Pattern.CASE_INSENSITIVE);

    /** The directive word {@code // polisi: change-note}, which the fork's directive parser must pass over. */
    public static final String DIRECTIVE = "change-note";

    /** The note in an AsciiDoc source text (the last one, if an author left several); empty if none or {@code null} text. */
    public static ChangeNote in(String source) {
        String found = "";
        if (source != null) {
            for (String line : source.split("\n", -1)) {
                String trimmed = line.trim();
                Matcher attribute = ATTRIBUTE.matcher(trimmed);
                Matcher comment = COMMENT.matcher(trimmed);
                if (attribute.matches()) {
                    found = attribute.group(1).trim();
                } else if (comment.matches()) {
                    found = comment.group(1).trim();
                }
            }
        }
        return new ChangeNote(found);
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    public boolean isMinor() {
        return MINOR.matcher(text).lookingAt();
    }

    /**
     * Whether two source texts differ in more than white space and their change notes: a change
     * that only adds a note or re-spaces the text is not a change to what the reader reads.
     */
    public static boolean differsBeyondWhitespace(String before, String after) {
        if (before == null || after == null) {
            return before != after;
        }
        return !withoutNotes(before).equals(withoutNotes(after));
    }

    private static String withoutNotes(String source) {
        StringBuilder kept = new StringBuilder();
        for (String line : source.split("\n", -1)) {
            String trimmed = line.trim();
            if (!ATTRIBUTE.matcher(trimmed).matches() && !COMMENT.matcher(trimmed).matches()) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString().replaceAll("\\s+", " ").strip();
    }
}
