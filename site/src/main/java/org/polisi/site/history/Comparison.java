package org.polisi.site.history;

import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.diff.SequenceComparator;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable comparison of two versions of a page's rendered body: its sections (Asciidoctor's
 * level-1 sections, matched by id, and the opening text before them) are added, removed, changed or
 * unchanged; in a changed section the text blocks (paragraphs, list items, headings, table cells)
 * are compared with JGit's histogram diff, and the words of a changed block too. Additions are
 * marked {@code <ins>} and removals {@code <del>}, each opened by a visually hidden word in the
 * page's language, because screen readers do not announce those elements by default (WCAG 2.2
 * 1.3.1; see https://www.tpgi.com/short-note-on-html-ins-and-del/).
 */
public final class Comparison {
    /** The words the comparison writes, in the page's language. */
    public record Words(String added, String removed, String sectionAdded, String sectionRemoved,
                        String sectionChanged, String opening) {
    }

    /** One level-1 section: its id (empty for the opening text), its title and its text blocks. */
    record Section(String id, String title, List<String> blocks) {
    }

    public enum Kind { ADDED, REMOVED, CHANGED, UNCHANGED }

    /** A section of the comparison and the HTML that shows its change (empty when unchanged). */
    public record Outcome(Kind kind, String title, String html) {
    }

    private static final String BLOCKS = "p, h3, h4, h5, h6, dt, th, pre, td:not(:has(p))";
    private static final Pattern TOKEN = Pattern.compile("\\s+|[^\\s]+");

    private Comparison() {
    }

    /**
     * Compares two rendered bodies (Asciidoctor's HTML, forms already removed).
     *
     * @return the sections in the current version's order, each removed one after the section
     *         that preceded it in the earlier version
     */
    public static List<Outcome> compare(Element earlier, Element current, Words words) {
        return compare(earlier, sections(current), words);
    }

    /** As {@link #compare(Element, Element, Words)}, with the current body's {@link #sections} made once for several earlier versions. */
    static List<Outcome> compare(Element earlier, Map<String, Section> after, Words words) {
        Map<String, Section> before = sections(earlier);
        Map<String, List<Section>> removedAfter = new LinkedHashMap<>();
        String anchor = null;
        for (Section old : before.values()) {
            if (after.containsKey(old.id())) {
                anchor = old.id();
            } else {
                removedAfter.computeIfAbsent(anchor, a -> new ArrayList<>()).add(old);
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        removedAfter.getOrDefault(null, List.of()).forEach(s -> outcomes.add(removed(s, words)));
        for (Section now : after.values()) {
            Section old = before.get(now.id());
            String title = now.id().isEmpty() ? words.opening() : now.title();
            if (old == null) {
                outcomes.add(new Outcome(Kind.ADDED, title, kind(words.sectionAdded())
                        + whole(now.blocks(), "ins", words.added())));
            } else if (old.blocks().equals(now.blocks())) {
                outcomes.add(new Outcome(Kind.UNCHANGED, title, ""));
            } else {
                outcomes.add(new Outcome(Kind.CHANGED, title, kind(words.sectionChanged())
                        + blocks(old.blocks(), now.blocks(), words)));
            }
            removedAfter.getOrDefault(now.id(), List.of()).forEach(s -> outcomes.add(removed(s, words)));
        }
        return outcomes;
    }

    private static Outcome removed(Section section, Words words) {
        return new Outcome(Kind.REMOVED, section.id().isEmpty() ? words.opening() : section.title(),
                kind(words.sectionRemoved()) + whole(section.blocks(), "del", words.removed()));
    }

    static Map<String, Section> sections(Element body) {
        Map<String, Section> sections = new LinkedHashMap<>();
        List<String> opening = new ArrayList<>();
        for (Element child : body.children()) {
            if (child.hasClass("sect1")) {
                Element heading = child.selectFirst("h2");
                String id = heading == null ? "" : heading.id().isEmpty() ? heading.text() : heading.id();
                sections.put(id, new Section(id, heading == null ? "" : heading.text(), blockTexts(child)));
            } else {
                opening.addAll(blockTexts(child));
            }
        }
        if (!opening.isEmpty()) {
            Map<String, Section> ordered = new LinkedHashMap<>();
            ordered.put("", new Section("", "", opening));
            ordered.putAll(sections);
            return ordered;
        }
        return sections;
    }

    private static List<String> blockTexts(Element element) {
        List<String> texts = new ArrayList<>();
        for (Element block : element.select(BLOCKS)) {
            String text = block.text().strip();
            if (!text.isEmpty() && !block.is("h2")) {
                texts.add(text);
            }
        }
        return texts;
    }

    private static String kind(String words) {
        return "<p class=\"history-change\"><strong>" + escape(words) + "</strong></p>\n";
    }

    private static String whole(List<String> blocks, String tag, String announced) {
        StringBuilder html = new StringBuilder();
        blocks.forEach(block -> html.append("<p>").append(marked(tag, announced, escape(block))).append("</p>\n"));
        return html.toString();
    }

    private static String blocks(List<String> before, List<String> after, Words words) {
        StringBuilder html = new StringBuilder();
        EditList edits = diff(before, after);
        int a = 0;
        int b = 0;
        for (Edit edit : edits) {
            for (; b < edit.getBeginB(); a++, b++) {
                html.append("<p>").append(escape(after.get(b))).append("</p>\n");
            }
            int paired = Math.min(edit.getLengthA(), edit.getLengthB());
            for (int i = 0; i < paired; i++) {
                html.append("<p>").append(words(before.get(a + i), after.get(b + i), words)).append("</p>\n");
            }
            html.append(whole(before.subList(a + paired, edit.getEndA()), "del", words.removed()));
            html.append(whole(after.subList(b + paired, edit.getEndB()), "ins", words.added()));
            a = edit.getEndA();
            b = edit.getEndB();
        }
        for (; b < after.size(); b++) {
            html.append("<p>").append(escape(after.get(b))).append("</p>\n");
        }
        return html.toString();
    }

    /** One block's words, removed ones in {@code <del>} and added ones in {@code <ins>}. */
    static String words(String before, String after, Words words) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        StringBuilder html = new StringBuilder();
        int j = 0;
        for (Edit edit : joinedOverSpaces(diff(a, b), b)) {
            for (; j < edit.getBeginB(); j++) {
                html.append(escape(b.get(j)));
            }
            String removed = String.join("", a.subList(edit.getBeginA(), edit.getEndA()));
            String added = String.join("", b.subList(edit.getBeginB(), edit.getEndB()));
            if (!removed.isBlank()) {
                html.append(marked("del", words.removed(), escape(removed)));
            }
            if (!added.isBlank()) {
                html.append(removed.isBlank() ? "" : " ").append(marked("ins", words.added(), escape(added)));
            } else if (!added.isEmpty()) {
                html.append(added);
            }
            j = edit.getEndB();
        }
        for (; j < b.size(); j++) {
            html.append(escape(b.get(j)));
        }
        return html.toString();
    }

    /**
     * Joins edits that only white space separates, so that "kindly and safely" replaced by "kindly,
     * safely and fairly" reads as one removal and one addition, not five fragments.
     */
    private static List<Edit> joinedOverSpaces(EditList edits, List<String> b) {
        List<Edit> joined = new ArrayList<>();
        for (Edit edit : edits) {
            Edit last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && b.subList(last.getEndB(), edit.getBeginB()).stream().allMatch(String::isBlank)) {
                joined.set(joined.size() - 1, new Edit(last.getBeginA(), edit.getEndA(), last.getBeginB(), edit.getEndB()));
            } else {
                joined.add(edit);
            }
        }
        return joined;
    }

    private static String marked(String tag, String announced, String escapedText) {
        return "<" + tag + "><span class=\"visually-hidden\">" + escape(announced) + ": </span>" + escapedText + "</" + tag + ">";
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static EditList diff(List<String> a, List<String> b) {
        return new HistogramDiff().diff(new Strings.Comparator(), new Strings(a), new Strings(b));
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }

    /** A list of strings as a JGit {@link Sequence}, compared by equality. */
    private static final class Strings extends Sequence {
        private final List<String> items;

        Strings(List<String> items) {
            this.items = items;
        }

        @Override
        public int size() {
            return items.size();
        }

        static final class Comparator extends SequenceComparator<Strings> {
            @Override
            public boolean equals(Strings a, int ai, Strings b, int bi) {
                return a.items.get(ai).equals(b.items.get(bi));
            }

            @Override
            public int hash(Strings seq, int ptr) {
                return seq.items.get(ptr).hashCode();
            }
        }
    }
}
