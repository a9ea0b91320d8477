package org.polisi.site.importing;

import org.polisi.site.content.AsciidocSource;
import org.polisi.site.content.SourcePage;
import org.polisi.site.content.YamlFile;
import org.polisi.site.fork.Section;
import org.polisi.site.fork.SectionIndex;
import org.polisi.site.theme.Messages;
import org.polisi.site.translation.TranslationPairer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code ./polisi import}: one document (Word, OpenDocument, HTML or Markdown) in, one page of a
 * school out ({@code content/schools/ID/LANG/KEY.adoc}, images in {@code content/schools/ID/assets/}),
 * with what a person must still look at. Pandoc converts; {@link AsciidocText} writes the document's
 * words so they show as typed; {@link ImportCleanup} makes the result ours; {@link ImportFidelity}
 * lists every word or table row of the document the page would not show as the document has it
 * (docs/adr/0103). The page is written only when the whole conversion succeeded.
 */
public final class PageImporter {
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern APPENDIX_TITLE = Pattern.compile("(?i)^(?:appendix|atodiad)\\s+([A-Z0-9]{1,3})\\s*[:.–—-]?\\s*(.*)$");

    /** What to import, and where. {@code parent} is for appendices (default: the school's only policy). */
    public record Request(Path source, Path contentDir, Path themeDir, String school, String key, String language,
                          String kind, Optional<String> parent, boolean overwrite) {
    }

    /** The page written, what needs a person, and pandoc's own warnings. */
    public record Outcome(Path page, List<ImportFinding> findings, List<String> pandocMessages) {
    }

    /** A request that cannot be carried out, with what to do instead. Nothing was written. */
    public static final class ImportRefused extends RuntimeException {
        public ImportRefused(String message) {
            super(message);
        }
    }

    private PageImporter() {
    }

    /**
     * Converts {@code request.source()} and writes the page.
     *
     * @throws ImportRefused for a request that cannot be carried out (unknown school, page exists...)
     * @throws Pandoc.PandocException when pandoc cannot read the document
     */
    public static Outcome run(Pandoc pandoc, Request request) throws IOException {
        Path schoolDir = request.contentDir().resolve("schools").resolve(request.school());
        String format = formatOf(request.source());
        checkRequest(request, schoolDir);
        Path page = schoolDir.resolve(request.language()).resolve(request.key() + ".adoc");
        Optional<SourcePage> english = request.language().equals("en") ? Optional.empty()
                : Optional.of(AsciidocSource.read(schoolDir.resolve("en").resolve(request.key() + ".adoc"), request.key(), "en"));

        Path work = Files.createTempDirectory("polisi-import-");
        try {
            Path filter = work.resolve("polisi-import.lua");
            try (InputStream lua = PageImporter.class.getResourceAsStream("polisi-import.lua")) {
                Files.copy(lua, filter);
            }
            Path source = request.source().toAbsolutePath();
            Pandoc.Output output = pandoc.run(work, List.of(source.toString(), "-f", format, "-t", "asciidoc", "--wrap=none",
                    "--standalone", "--extract-media=media", "--sandbox", "--lua-filter=" + filter));
            List<String> lines = new ArrayList<>(AsciidocText.escape(Arrays.asList(
                    ImportLinks.apply(output.text().replace("\r\n", "\n")).split("\n", -1))));
            String title = documentTitle(lines);
            List<ImportFinding> findings = new ArrayList<>();
            if (title.isBlank()) {
                title = loneTopHeading(lines).or(() -> titleParagraph(lines)).orElse("");
            }
            if (title.isBlank()) {
                title = humanised(request.key());
                findings.add(new ImportFinding(ImportFinding.Kind.CHECK, 1, "",
                        "the document has no title: the page is called \"" + title + "\"; change the first line if that is wrong"));
            }
            String label = "";
            Matcher appendix = APPENDIX_TITLE.matcher(title);
            if (request.kind().equals("appendix") && appendix.matches() && !appendix.group(2).isBlank()) {
                label = appendix.group(1);
                title = appendix.group(2);
            }
            List<String> header = header(request, schoolDir, title, label, english, lines, findings);
            List<String> givenIds = english.map(e -> SectionIndex.of(e.body()).sections().stream().map(Section::id)
                    .filter(id -> id != null).toList()).orElse(List.of());
            ImageSaver images = new ImageSaver(work, source.getParent(), schoolDir.resolve("assets"),
                    request.key() + (request.language().equals("en") ? "" : "-" + request.language()));
            ImportCleanup.Result cleaned = ImportCleanup.apply(lines, givenIds, images, header.size() + 2);
            if (cleaned.removedWordContents()) {
                findings.add(new ImportFinding(ImportFinding.Kind.CHECK, 0, "",
                        "Word's table of contents was left out: the site makes its own contents list from the headings"));
            }
            if (english.isPresent() && cleaned.ids().size() != givenIds.size()) {
                findings.add(new ImportFinding(ImportFinding.Kind.CHECK, 0, "", "the translation has " + cleaned.ids().size()
                        + " headings and the English page " + givenIds.size() + ": section ids were taken from the English page in order;"
                        + " make each [[id]] match its English section"));
            }
            findings.addAll(cleaned.findings());
            StringBuilder text = new StringBuilder();
            header.forEach(line -> text.append(line).append('\n'));
            text.append('\n');
            cleaned.body().forEach(line -> text.append(line).append('\n'));
            Pandoc.Output document = pandoc.run(work, List.of(source.toString(), "-f", format, "-t", "html", "--wrap=none",
                    "--standalone", "--sandbox"));
            findings.addAll(ImportFidelity.check(document.text(), text.toString(), cleaned.removedWordContents()));
            images.commit();
            Files.createDirectories(page.getParent());
            Files.writeString(page, text.toString(), StandardCharsets.UTF_8);
            return new Outcome(page, findings, output.messages());
        } finally {
            org.polisi.site.render.FileTrees.deleteRecursively(work);
        }
    }

    /** Pandoc's reader for a file, from its extension. */
    static String formatOf(Path source) {
        String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return switch (extension) {
            case "docx" -> "docx";
            case "odt" -> "odt";
            case "html", "htm" -> "html+raw_html";
            case "md", "markdown" -> "markdown-smart";   // keep the author's straight quotes as typed
            default -> throw new ImportRefused("cannot import '" + source.getFileName() + "': Polisi reads .docx, .odt, .html and .md files."
                    + " In Word, use File > Save As > Word Document (.docx).");
        };
    }

    private static void checkRequest(Request request, Path schoolDir) {
        if (!Files.isRegularFile(request.source())) {
            throw new ImportRefused("no file " + request.source());
        }
        if (!Files.isRegularFile(schoolDir.resolve("school.yml"))) {
            throw new ImportRefused("no school '" + request.school() + "' (" + schoolDir.resolve("school.yml")
                    + "); start one with ./polisi new-school --id " + request.school() + " --name \"...\"");
        }
        if (!KEY.matcher(request.key()).matches()) {
            throw new ImportRefused("--page must be lower-case English words joined by hyphens, e.g. safeguarding-policy");
        }
        org.polisi.site.content.Names.reservedPageKey(request.key()).ifPresent(reason -> {
            throw new ImportRefused("--page cannot be '" + request.key() + "': " + reason);
        });
        if (!List.of("policy", "appendix").contains(request.kind())) {
            throw new ImportRefused("--kind must be policy or appendix");
        }
        List<String> languages = YamlFile.read(schoolDir.resolve("school.yml")).list("languages");
        if (!(languages.isEmpty() ? List.of("en") : languages).contains(request.language())) {
            throw new ImportRefused("school '" + request.school() + "' does not publish in '" + request.language()
                    + "': add it to languages: in school.yml first");
        }
        if (!request.language().equals("en") && !Files.isRegularFile(schoolDir.resolve("en").resolve(request.key() + ".adoc"))) {
            throw new ImportRefused("import the English page first: a translation is paired with en/" + request.key() + ".adoc");
        }
        Path page = schoolDir.resolve(request.language()).resolve(request.key() + ".adoc");
        if (Files.exists(page) && !request.overwrite()) {
            throw new ImportRefused(page + " already exists: choose another --page, or add --force to replace it");
        }
        refuseUnsettledChanges(request.source());
    }

    /** A document whose tracked changes are neither accepted nor rejected is not imported ({@link TrackedChanges}). */
    private static void refuseUnsettledChanges(Path source) {
        Optional<TrackedChanges.Unsettled> unsettled;
        try {
            unsettled = TrackedChanges.in(source);
        } catch (java.io.IOException e) {
            throw new ImportRefused("cannot read " + source.getFileName() + " as a " + formatOf(source) + " file (" + e.getMessage()
                    + "): open it in Word or LibreOffice and save it again");
        }
        unsettled.ifPresent(changes -> {
            throw new ImportRefused(source.getFileName() + " still has " + changes.describe() + ", neither accepted nor rejected:"
                    + " which wording stands is the school's decision, so nothing was imported. In Word, use Review > Accept"
                    + " (or Reject) > All Changes in Document, save, and import again");
        });
    }

    /** The title pandoc found in the document's properties ({@code = Title}), and the header lines out of {@code lines}. */
    private static String documentTitle(List<String> lines) {
        String title = "";
        if (!lines.isEmpty() && lines.get(0).startsWith("= ")) {
            title = lines.get(0).substring(2).strip();
            int end = 1;
            while (end < lines.size() && !lines.get(end).isBlank()) {
                end++;
            }
            lines.subList(0, end).clear();
        }
        if (!title.isBlank()) {
            int first = firstContent(lines);
            Matcher heading = Headings.HEADING.matcher(first < lines.size() ? lines.get(first) : "");
            if (heading.matches() && Headings.withoutNumber(heading.group(2)).equalsIgnoreCase(title)) {
                removeHeading(lines, first);
            }
        }
        return title;
    }

    /** A document without a title whose first block is its only top-level heading: that heading is the title. */
    private static Optional<String> loneTopHeading(List<String> lines) {
        int top = Headings.topLevel(lines);
        int first = firstContent(lines);
        if (top == 0 || first >= lines.size()) {
            return Optional.empty();
        }
        String prefix = "=".repeat(top + 1) + " ";
        long count = Blocks.outsideDelimited(lines).stream().filter(l -> l.startsWith(prefix)).count();
        if (count == 1 && lines.get(first).startsWith(prefix)) {
            String title = Headings.withoutNumber(lines.get(first).substring(prefix.length()));
            removeHeading(lines, first);
            return Optional.of(title);
        }
        return Optional.empty();
    }

    /**
     * OpenDocument's title style arrives as a plain paragraph: a short first line without a full
     * stop, followed by the first heading, is taken as the title (and reported with the others).
     */
    private static Optional<String> titleParagraph(List<String> lines) {
        int first = firstContent(lines);
        int next = first + 1;
        while (next < lines.size() && (lines.get(next).isBlank() || lines.get(next).startsWith("[[") && lines.get(next).endsWith("]]"))) {
            next++;
        }
        if (first >= lines.size() || next >= lines.size()) {
            return Optional.empty();
        }
        String candidate = lines.get(first).strip();
        boolean plain = candidate.length() <= 100 && !candidate.endsWith(".") && candidate.matches("[\\p{L}\\p{N}].*")
                && !candidate.contains("[") && !candidate.startsWith("*");
        if (plain && Headings.HEADING.matcher(Headings.withoutWordAnchors(lines.get(next))).matches()) {
            lines.remove(first);
            return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** A heading that became the title goes, with the anchors pandoc wrote above it ({@code [[internet-policy]]}): nothing links to a title. */
    private static void removeHeading(List<String> lines, int heading) {
        lines.remove(heading);
        for (int i = heading - 1; i >= 0 && (lines.get(i).isBlank() || lines.get(i).startsWith("[[")); i--) {
            if (lines.get(i).startsWith("[[") && lines.get(i).endsWith("]]")) {
                lines.remove(i);
            }
        }
    }

    private static int firstContent(List<String> lines) {
        int index = 0;
        while (index < lines.size() && (lines.get(index).isBlank() || lines.get(index).startsWith("[["))) {
            index++;
        }
        return index;
    }

    private static List<String> header(Request request, Path schoolDir, String title, String label,
                                       Optional<SourcePage> english, List<String> body, List<ImportFinding> findings) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("= " + title);
        header.add(":page-kind: " + request.kind());
        if (english.isPresent()) {
            SourcePage source = english.get();
            for (String attribute : List.of("page-order", "page-parent", "appendix-label", "version", "last-updated", "review-due")) {
                if (!source.attribute(attribute).isBlank()) {
                    header.add(":" + attribute + ": " + source.attribute(attribute));
                }
            }
            header.add(":translation-status: draft");
            header.add(":translated-from: " + TranslationPairer.hashOf(source));
            return header;
        }
        header.add(":page-order: " + nextOrder(schoolDir.resolve("en")));
        if (request.kind().equals("appendix")) {
            header.add(":page-parent: " + request.parent().orElseGet(() -> onlyPolicy(schoolDir.resolve("en"))));
            if (!label.isBlank()) {
                header.add(":appendix-label: " + label);
            }
        }
        List<Messages> months = List.of(Messages.load(request.themeDir().resolve("i18n"), "en"),
                Messages.load(request.themeDir().resolve("i18n"), "cy"));
        for (DocumentDates.Reading reading : new DocumentDates(months).read(body)) {
            header.add(":" + reading.attribute() + ": " + reading.value());
            findings.add(new ImportFinding(ImportFinding.Kind.READ, header.size(), "", ":" + reading.attribute() + ": "
                    + reading.value() + " read from \"" + reading.source() + "\""));
        }
        return header;
    }

    private static int nextOrder(Path englishDir) throws IOException {
        int highest = 0;
        if (Files.isDirectory(englishDir)) {
            try (Stream<Path> files = Files.list(englishDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
                    String order = AsciidocSource.read(file, "", "en").attribute("page-order");
                    if (order.matches("\\d+")) {
                        highest = Math.max(highest, Integer.parseInt(order));
                    }
                }
            }
        }
        return highest + 1;
    }

    private static String onlyPolicy(Path englishDir) {
        try (Stream<Path> files = Files.list(englishDir)) {
            List<String> policies = files.filter(f -> f.toString().endsWith(".adoc"))
                    .filter(f -> AsciidocSource.read(f, "", "en").attribute("page-kind").equals("policy"))
                    .map(f -> f.getFileName().toString().replaceFirst("\\.adoc$", "")).sorted().toList();
            if (policies.size() != 1) {
                throw new ImportRefused("say which policy this appendix belongs to with --parent KEY (the school has "
                        + (policies.isEmpty() ? "no policy yet" : "policies " + String.join(", ", policies)) + ")");
            }
            return policies.get(0);
        } catch (IOException e) {
            throw new ImportRefused("say which policy this appendix belongs to with --parent KEY");
        }
    }

    private static String humanised(String key) {
        String words = key.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * Copies the document's images into assets/ as KEY-1.png, KEY-2.jpg...; only on {@link #commit()}.
     * An image is one pandoc extracted (from inside a Word or OpenDocument file) or, for an HTML or
     * Markdown page, a file beside it; never one from the network (pandoc runs with --sandbox).
     */
    private static final class ImageSaver implements ImportCleanup.ImageStore {
        private final Path work;
        private final Path sourceDir;
        private final Path assets;
        private final String prefix;
        private final List<Path[]> pending = new ArrayList<>();

        ImageSaver(Path work, Path sourceDir, Path assets, String prefix) {
            this.work = work;
            this.sourceDir = sourceDir;
            this.assets = assets;
            this.prefix = prefix;
        }

        @Override
        public Optional<String> apply(String target) {
            if (target.contains(":")) {
                return Optional.empty();   // a web address: not fetched
            }
            Path file = work.resolve(target).normalize();
            if (!file.startsWith(work) || !Files.isRegularFile(file)) {
                file = sourceDir.resolve(target).normalize();
                if (!file.startsWith(sourceDir) || !Files.isRegularFile(file)) {
                    return Optional.empty();
                }
            }
            String name = file.getFileName().toString();
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT) : "";
            String stored = prefix + "-" + (pending.size() + 1) + extension;
            pending.add(new Path[]{file, assets.resolve(stored)});
            return Optional.of(stored);
        }

        void commit() throws IOException {
            for (Path[] move : pending) {
                Files.createDirectories(assets);
                Files.copy(move[0], move[1], StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
