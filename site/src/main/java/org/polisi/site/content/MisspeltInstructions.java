package org.polisi.site.content;

import org.polisi.site.problem.Problems;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds comment lines of a page that an author meant as one of Polisi's instructions but did not
 * write as one, so that nothing reads them: {@code // Polisi: remove community-users},
 * {@code // polisi remove community-users}, {@code /// polisi: remove ...}. Asciidoctor drops a
 * comment, so such a line changed nothing and the section the school meant to remove or replace
 * stayed published, with no error (tester 7's finding 6). Each is a {@code misspelt-instruction}
 * error at its line, naming the instruction as Polisi reads it.
 *
 * <p>Polisi's instructions are AsciiDoc line comments: exactly two slashes, {@code polisi} in small
 * letters and a colon, then the word ({@code // polisi: replace ID}, {@code remove}, {@code insert-before},
 * {@code insert-after}, {@code append}, {@code change-note}, {@code confirm}); spaces around them are
 * free (CONTRIBUTING.md, docs/authoring.md). A comment is a near miss when, past its slashes, it
 * starts with the word {@code polisi} in any case, and the next word is one of those or a slip of
 * one ({@link Names#nearest}), and it is not written so. A comment that only talks about a policy
 * ({@code // Polisi diogelu: fersiwn 2024}, Welsh for "safeguarding policy") is left alone, as its
 * next word is no instruction.
 */
public final class MisspeltInstructions {
    /** The words after {@code // polisi:} that some stage reads (fork.Directive, history.ChangeNote, confirm.ConfirmMarkers). */
    static final Set<String> DIRECTIVES = Set.of("replace", "remove", "insert-before", "insert-after", "append");
    static final Set<String> WORDS = Set.of("replace", "remove", "insert-before", "insert-after", "append", "change-note", "confirm");
    private static final Pattern CANONICAL = Pattern.compile("^//(?!/)\\s*polisi:\\s*(\\S*).*$");
    /** What may stand between "polisi" and its word when an author types it: spaces, a colon or another stop, a dash
     * (Word types an en dash for " - "), a full-width colon. */
    private static final String SEPARATORS = "[\\s:;.,\\u2013\\u2014\\uFF1A-]*";
    /** Slashes, {@code polisi} in any case, any punctuation, then the word (group 1) and the rest (group 2). */
    private static final Pattern NEAR = Pattern.compile("^/{2,}\\s*polisi\\b" + SEPARATORS + "([A-Za-z-]*)(.*)$", Pattern.CASE_INSENSITIVE);
    /** Slashes, a word that is a slip of "polisi" ({@code pollisi}, {@code policy}), then the word and the rest. */
    private static final Pattern SLIP = Pattern.compile("^/{2,}\\s*([A-Za-z]{4,8})" + SEPARATORS + "([A-Za-z-]*)(.*)$");

    private MisspeltInstructions() {
    }

    /**
     * Reports each near miss among {@code lines} as a {@code misspelt-instruction} error, and, in a
     * page that adapts no template, each template directive (which only such a page reads).
     *
     * @param file   the page, for the problems' place
     * @param text   its text, lines separated by {@code \n}
     * @param adapts whether the page adapts a template ({@code :adapts-template:} in its header): its
     *               directives are read, and reported when wrong, by {@code fork.DirectiveParser}
     */
    public static void check(Path file, String text, boolean adapts, Problems problems) {
        // Only a line whose first non-blank characters are "//" can be an instruction: find each "//"
        // and look at its line alone, rather than cutting every line of every page out of the text.
        for (int slashes = text.indexOf("//"); slashes >= 0; ) {
            int start = text.lastIndexOf('\n', slashes) + 1;
            int end = text.indexOf('\n', slashes);
            if (end < 0) {
                end = text.length();
            }
            if (AsciidocSource.blank(text, start, slashes)) {
                String line = text.substring(slashes, end).strip();
                if (line.toLowerCase(Locale.ROOT).contains("polisi")) {
                    String message = message(line, adapts);
                    if (message != null) {
                        problems.error("misspelt-instruction", file, lineNumber(text, start), message);
                    }
                }
            }
            slashes = end >= text.length() ? -1 : text.indexOf("//", end);
        }
    }

    /** The 1-based number of the line that starts at {@code start}. */
    private static int lineNumber(String text, int start) {
        int number = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) {
            number++;
        }
        return number;
    }

    /**
     * @param line   a comment line, without its surrounding spaces
     * @param adapts as for {@link #check}
     * @return why the line changes nothing though it was meant to, or {@code null} when it is read or is no instruction
     */
    static String message(String line, boolean adapts) {
        Matcher canonical = CANONICAL.matcher(line);
        if (canonical.matches()) {
            String word = canonical.group(1);
            if (adapts || word.equals("change-note") || word.equals("confirm")) {
                return null;     // read, here or by fork.DirectiveParser (which reports an unknown word in an adapting page)
            }
            if (!DIRECTIVES.contains(word)) {
                return Names.nearest(word, WORDS).map(meant -> "Polisi has no instruction '" + word + "', so this comment"
                        + " changes nothing: did you mean '// polisi: " + meant + "'?").orElse(null);
            }
            return "'// polisi: " + word + "' changes a template's page, and this page adapts none (its header has no"
                    + " ':adapts-template:' line), so it changes nothing: add that line under the title, or delete the comment";
        }
        Matcher near = NEAR.matcher(line);
        if (!near.matches()) {
            Matcher slip = SLIP.matcher(line);
            if (!slip.matches() || slip.group(1).equalsIgnoreCase("polisi")
                    || Names.nearest(slip.group(1), Set.of("polisi")).isEmpty()) {
                return null;
            }
            near = NEAR.matcher("// polisi " + slip.group(2) + slip.group(3));     // "pollisi", "policy": read as the word meant
            if (!near.matches()) {
                return null;
            }
        }
        if (near.group(1).isEmpty()) {
            return null;
        }
        Optional<String> word = WORDS.contains(near.group(1).toLowerCase(Locale.ROOT))
                ? Optional.of(near.group(1).toLowerCase(Locale.ROOT)) : Names.nearest(near.group(1), WORDS);
        if (word.isEmpty()) {
            return null;      // "// Polisi diogelu ...": words about a policy, no instruction
        }
        String rest = near.group(2).strip();
        return "this comment looks like a Polisi instruction, but Polisi reads only '// polisi: WORD' (two slashes,"
                + " 'polisi' in small letters, then a colon), so as written it changes nothing: write '// polisi: "
                + word.get() + (rest.isEmpty() ? "" : " " + rest) + "'";
    }
}
