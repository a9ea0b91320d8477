package org.polisi.site.fork;

import org.polisi.site.content.SourceLine;
import org.polisi.site.history.ChangeNote;
import org.polisi.site.problem.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the directives of a school page that adapts a template page (see CONTRIBUTING.md). No text
 * an author writes is left out without a word: text before the first directive is a
 * {@code text-outside-directive} error, text after a {@code remove} (which takes none) a
 * {@code text-after-remove} error at its line (tester 3's fault 2).
 */
public final class DirectiveParser {
    private static final Pattern DIRECTIVE = Pattern.compile("^//\\s*polisi:\\s*(\\S+)\\s*(.*)$");
    private static final Pattern HASH = Pattern.compile("template=([0-9a-f]+)");

    /** {@code // polisi: confirm <why>} marks text the school must confirm (see report.ToConfirm): not a change. */
    public static final String CONFIRM = "confirm";

    private DirectiveParser() {
    }

    public static List<Directive> parse(List<SourceLine> body, Problems problems) {
        List<Directive> directives = new ArrayList<>();
        SourceLine current = null;
        Directive.Operation operation = null;
        String sectionId = null;
        String hash = null;
        List<SourceLine> content = new ArrayList<>();
        boolean textAfterRemove = false;
        for (SourceLine line : body) {
            Matcher directive = DIRECTIVE.matcher(line.text().trim());
            if (directive.matches() && directive.group(1).equals(ChangeNote.DIRECTIVE)) {
                continue;   // a note on the change, for the page's history: not a change to the template
            }
            if (!directive.matches() || directive.group(1).equals(CONFIRM)) {
                if (current == null && !line.text().isBlank() && !line.text().startsWith("//")) {
                    problems.error("text-outside-directive", line.file(), line.number(),
                            "a page that adapts a template holds only directives and their text; start with '// polisi: replace ID' or similar");
                    current = line;   // report once per file
                } else if (operation == Directive.Operation.REMOVE && !textAfterRemove && !line.text().isBlank()
                        && !line.text().trim().startsWith("//")) {
                    // a remove takes no text: what follows it would be left out of the page without a word
                    problems.error("text-after-remove", line.file(), line.number(), "this text follows '// polisi: remove "
                            + sectionId + "', which takes no text, so it would not be published: start it with"
                            + " '// polisi: insert-after " + sectionId + "' (or insert-before ID, or append), or delete it");
                    textAfterRemove = true;   // report once per remove
                }
                content.add(line);
                continue;
            }
            textAfterRemove = false;
            if (operation != null) {
                directives.add(new Directive(operation, sectionId, hash, current, trim(content)));
            }
            content = new ArrayList<>();
            current = line;
            operation = Directive.Operation.fromWord(directive.group(1));
            String rest = directive.group(2).trim();
            Matcher hashMatch = HASH.matcher(rest);
            hash = hashMatch.find() ? hashMatch.group(1) : null;
            String[] words = rest.replaceAll("template=\\S*", "").trim().split("\\s+");
            sectionId = words.length > 0 && !words[0].isBlank() ? words[0] : null;
            if (operation == null) {
                problems.error("unknown-directive", line.file(), line.number(),
                        "unknown directive '" + directive.group(1) + "': use replace, remove, insert-before, insert-after or append");
            } else if (operation.needsSection() && sectionId == null) {
                problems.error("directive-without-section", line.file(), line.number(),
                        "'" + operation.word() + "' needs the id of a template section");
                operation = null;
            }
        }
        if (operation != null) {
            directives.add(new Directive(operation, sectionId, hash, current, trim(content)));
        }
        return directives;
    }

    private static List<SourceLine> trim(List<SourceLine> lines) {
        int start = 0;
        int end = lines.size();
        while (start < end && lines.get(start).text().isBlank()) {
            start++;
        }
        while (end > start && lines.get(end - 1).text().isBlank()) {
            end--;
        }
        return List.copyOf(lines.subList(start, end));
    }
}
