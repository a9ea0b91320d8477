package org.polisi.site.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our clean-up of pandoc's AsciiDoc: Word's own contents list and bookmarks out, typed bullets
 * into lists, ✓ and ✔ into {@code tick:[]}, tables (see {@link TableCleanup}), headings (see
 * {@link Headings}), images into the school's {@code assets/} folder; then a reading of the
 * result for what a person must finish: images without alt text, blanks that a form could
 * collect, and what pandoc could not convert.
 */
final class ImportCleanup {
    static final Pattern TICK = Pattern.compile("[✓✔☑✅\uF0FC]");
    private static final Pattern WORD_CONTENTS_ENTRY = Pattern.compile("^link:#_Toc[0-9A-Za-z_]*\\[.*]\\s*$");
    private static final Pattern CONTENTS_HEADING = Pattern.compile("(?i)^=+ (?:table of contents|contents|cynnwys|tabl cynnwys)\\s*$");
    private static final Pattern IMAGE = Pattern.compile("image:(:?)([^\\[\\s]+)\\[([^\\]]*)]");
    private static final Pattern BLANK = Pattern.compile("_{4,}|\\.{8,}|…{3,}|[☐□]");
    private static final Pattern NOT_CONVERTED_INLINE = Pattern.compile("\u27E6polisi-import: ([^\u27E7]*)\u27E7");
    static final String NOT_CONVERTED_BLOCK = "// polisi-import: not converted ";
    /**
     * Pandoc escapes every brace ({@code \{school-name}}), so a reference the document's author typed on
     * purpose would be published as text and the build would then say it has no value: it is made a
     * reference again, and resolved (or reported at its line, with the nearest name) like any other.
     */
    static final Pattern ESCAPED_REFERENCE = Pattern.compile("\\\\\\{([a-z][a-z0-9_-]*)}");
    private static final Pattern BOOKMARK_LINK = Pattern.compile("link:#_[A-Za-z0-9_]+\\[([^\\]]*)]");
    /** A code-running address written as text (a link whose words were its address; ImportLinks writes its colon as {@code &#58;}). */
    private static final Pattern CODE_ADDRESS = Pattern.compile("(?i)(?<![\\w/.:+-])(javascript|vbscript)(?::|&#58;)\\S+");

    /** Where an image of the document goes: given pandoc's target, the name it has in assets/, if it could be saved. */
    interface ImageStore extends Function<String, Optional<String>> {
    }

    /** The page body as written, the section ids in order, and what a person should look at. */
    record Result(List<String> body, List<String> ids, List<ImportFinding> findings, boolean removedWordContents) {
    }

    private ImportCleanup() {
    }

    /**
     * Cleans {@code body} (pandoc's output without its document header), keeping the English
     * section ids {@code givenIds} in order when importing a translation. Findings are numbered by
     * body line; {@code firstLine} is the file line of the body's first line.
     */
    static Result apply(List<String> body, List<String> givenIds, ImageStore images, int firstLine) {
        List<String> lines = new ArrayList<>();
        boolean removedContents = false;
        boolean[] delimited = Blocks.delimitedMask(body);
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i);
            if (delimited[i]) {
                lines.add(line);
                continue;
            }
            if (WORD_CONTENTS_ENTRY.matcher(line).matches()) {
                removedContents = true;
                continue;
            }
            line = Headings.withoutWordAnchors(line);
            line = TableCleanup.TYPED_BULLET.matcher(line).replaceFirst("$1* ");
            line = TICK.matcher(line).replaceAll("tick:[]");
            line = ESCAPED_REFERENCE.matcher(line).replaceAll("{$1}");
            lines.add(line);
        }
        if (removedContents) {
            lines = withoutEmptyContentsHeading(lines);
        }
        lines = TableCleanup.apply(lines);
        List<String> ids = new ArrayList<>();
        lines = Headings.apply(lines, givenIds, ids);
        lines = moveImages(lines, images);
        lines = collapseBlankLines(lines);
        List<ImportFinding> findings = new ArrayList<>();
        lines = report(lines, firstLine, findings);
        return new Result(lines, ids, findings, removedContents);
    }

    /** A "Contents" heading left with nothing under it once Word's contents list is gone. */
    private static List<String> withoutEmptyContentsHeading(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        for (int i = 0; i < out.size(); i++) {
            if (CONTENTS_HEADING.matcher(out.get(i)).matches()) {
                int next = i + 1;
                while (next < out.size() && out.get(next).isBlank()) {
                    next++;
                }
                if (next == out.size() || out.get(next).startsWith("=")) {
                    out.remove(i);
                    i--;
                }
            }
        }
        return out;
    }

    private static List<String> moveImages(List<String> lines, ImageStore images) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            Matcher image = IMAGE.matcher(line);
            StringBuilder text = new StringBuilder();
            boolean alone = image.matches();
            image.reset();
            while (image.find()) {
                String alt = withoutPlaceholderAlt(image.group(3));
                Optional<String> stored = image.group(2).startsWith("data:") ? Optional.empty() : images.apply(image.group(2));
                String target = stored.orElse(image.group(2));
                String macro = (alone ? "image::" : "image:") + target + "[" + alt + "]";
                image.appendReplacement(text, Matcher.quoteReplacement(macro));
            }
            image.appendTail(text);
            out.add(text.toString());
        }
        return out;
    }

    /** Pandoc writes "image" where the document gave no alt text: that is no description, so it goes. */
    private static String withoutPlaceholderAlt(String attributes) {
        if (attributes.equals("image")) {
            return "";
        }
        return attributes.startsWith("image,") ? attributes.substring("image,".length()) : attributes;
    }

    /** The alt text among an image macro's attributes: its first positional attribute, if any. */
    private static String altOf(String attributes) {
        String first = attributes.split(",", -1)[0].strip();
        return first.contains("=") ? "" : first.replaceAll("^\"|\"$", "");
    }

    private static List<String> collapseBlankLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            boolean blank = line.isBlank();
            if (blank && (out.isEmpty() || out.get(out.size() - 1).isBlank())) {
                continue;
            }
            out.add(blank ? "" : line.stripTrailing());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Reads the finished body for what a person must do; takes the not-converted markers out of the text. */
    private static List<String> report(List<String> lines, int firstLine, List<ImportFinding> findings) {
        List<String> out = new ArrayList<>();
        boolean[] delimited = Blocks.delimitedMask(lines);
        String place = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = firstLine + i;
            if (delimited[i]) {
                out.add(line);
                continue;
            }
            Matcher heading = Headings.HEADING.matcher(line);
            if (heading.matches()) {
                place = heading.group(2);
            }
            if (line.startsWith(NOT_CONVERTED_BLOCK)) {
                findings.add(new ImportFinding(ImportFinding.Kind.NOT_CONVERTED, at, place,
                        line.substring(NOT_CONVERTED_BLOCK.length()) + " (left as a comment at this line)"));
            }
            Matcher inline = NOT_CONVERTED_INLINE.matcher(line);
            while (inline.find()) {
                findings.add(new ImportFinding(ImportFinding.Kind.NOT_CONVERTED, at, place, "(" + inline.group(1).replaceFirst(": ", "): ")));
            }
            line = NOT_CONVERTED_INLINE.matcher(line).replaceAll("");
            Matcher bookmark = BOOKMARK_LINK.matcher(line);
            while (bookmark.find()) {
                findings.add(new ImportFinding(ImportFinding.Kind.CHECK, at, place, "the link \"" + bookmark.group(1)
                        + "\" pointed at a Word bookmark and is now plain text: to link a section, write <<section-id," + bookmark.group(1) + ">>"));
            }
            line = BOOKMARK_LINK.matcher(line).replaceAll("$1");
            // a link the build would refuse, its words kept (ImportLinks decided, by the build's rule: docs/adr/0100)
            Matcher refused = ImportLinks.REFUSED.matcher(line);
            while (refused.find()) {
                findings.add(new ImportFinding(ImportFinding.Kind.NOT_CONVERTED, at, place, ImportLinks.message(refused)));
            }
            line = ImportLinks.REFUSED.matcher(line).replaceAll("");
            Matcher address = CODE_ADDRESS.matcher(line);
            while (!line.startsWith("//") && address.find()) {
                findings.add(new ImportFinding(ImportFinding.Kind.CHECK, at, place, "\"" + shorten(address.group()) + "\" is a "
                        + address.group(1).toLowerCase(java.util.Locale.ROOT) + ": address written as text (a link whose words were"
                        + " its address): readers would see code; remove it or write what it was for"));
            }
            Matcher image = IMAGE.matcher(line);
            while (image.find()) {
                findings.add(imageFinding(image.group(2), image.group(3), at, place));
            }
            if (!line.startsWith("//") && BLANK.matcher(line).find()) {
                findings.add(new ImportFinding(ImportFinding.Kind.FORM_CANDIDATE, at, place,
                        "blanks to fill in (\"" + shorten(line) + "\"): a form can collect these instead (docs/forms.md)"));
            }
            if (line.equals("|===") && (out.isEmpty() || !out.get(out.size() - 1).equals("|===")) && opensTable(lines, i)) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).equals("|===")) {
                    end++;
                }
                AsciidocTable table = AsciidocTable.parse(i > 0 ? lines.get(i - 1) : "", lines.subList(i + 1, Math.min(end, lines.size())));
                if (table.emptyRows()) {
                    findings.add(new ImportFinding(ImportFinding.Kind.FORM_CANDIDATE, at, place,
                            "a table of " + table.bodyRows().size() + " empty rows: a form (or a log kept by the school) can collect these instead (docs/forms.md)"));
                }
            }
            out.add(line);
        }
        return out;
    }

    /** Every image needs a person: to describe it, or to save it where the page can show it. */
    private static ImportFinding imageFinding(String target, String attributes, int line, String place) {
        if (target.startsWith("data:") || target.contains("://")) {
            String what = target.startsWith("data:") ? "an image embedded in the page's code" : "image " + target + ", on another web site,";
            return new ImportFinding(ImportFinding.Kind.NOT_CONVERTED, line, place,
                    what + " was not saved: save it into assets/ and refer to it by its file name");
        }
        String alt = altOf(attributes);
        return new ImportFinding(ImportFinding.Kind.ALT_TEXT, line, place, alt.isBlank()
                ? "image " + target + " has no alt text: write what it shows between the brackets, e.g. image::" + target
                        + "[The school's logo], or [\"\",role=presentation] if it only decorates"
                : "image " + target + " has the alt text \"" + alt + "\" from the document: check it says what the image shows");
    }

    private static boolean opensTable(List<String> lines, int index) {
        int count = 0;
        for (int i = 0; i <= index; i++) {
            if (lines.get(i).equals("|===")) {
                count++;
            }
        }
        return count % 2 == 1;
    }

    private static String shorten(String line) {
        String flat = line.strip();
        return flat.length() > 60 ? flat.substring(0, 57) + "..." : flat;
    }
}
