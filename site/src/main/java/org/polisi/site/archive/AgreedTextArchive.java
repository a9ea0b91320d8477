package org.polisi.site.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.polisi.contract.PrivateFolders;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.polisi.site.compose.PageComposer;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.fork.SectionIndex;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.manifest.FormVersion;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.manifest.RenderedForm;
import org.polisi.site.problem.Problems;
import org.polisi.site.problem.Verdict;
import org.polisi.site.render.RenderedSite;

/**
 * Writes the snapshot of every form version a build rendered that the archive does not hold yet.
 * An existing snapshot is never rewritten (it keeps the date it was first published); a new one is
 * written to a temporary file and linked into place, so a reader sees the whole snapshot or none.
 */
public final class AgreedTextArchive {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;

    public AgreedTextArchive(Path folder) {
        this.folder = folder;
    }

    /** {@code <folder>/<school>/<form-id>/<form-version>.json}. */
    public Path snapshot(String school, String formId, String version) {
        return folder.resolve(school).resolve(formId).resolve(version + ".json");
    }

    /**
     * Archives the forms of the sites nothing holds back yet, as the build runs it: before the
     * manifests, because the server must never see a form version whose text is not archived. A
     * site whose texts cannot be archived is held back too ({@code verdict} receives the problems).
     *
     * @param sites    the build's sites, in order
     * @param rendered what the render stage made: the pages and the forms on them
     * @param forms    each site's forms with their words and settings, by site id
     * @param today    the date recorded in new snapshots
     * @return the sites still publishable: those {@code verdict} held back neither before nor now
     * @throws IOException when the archive cannot be written (the build must then not publish)
     */
    public List<ResolvedSite> archivePublishable(Verdict verdict, List<ResolvedSite> sites, RenderedSite rendered,
                                                 Map<String, FormsSchoolContext> forms, LocalDate today) throws IOException {
        List<ResolvedSite> clean = verdict.publishable(sites, ResolvedSite::id);
        Problems archiving = new Problems();
        archive(rendered.formsOf(clean), rendered.built(), clean, forms, today, archiving);
        verdict.add(archiving.all());
        return verdict.publishable(clean, ResolvedSite::id);
    }

    /**
     * Archives what the build rendered. Must run after the pages are built into {@code built} and
     * before the manifests that name these versions are published.
     *
     * @param rendered  the forms the render stage embedded
     * @param built     the staging folder holding the rendered pages ({@code <built>/<page url>})
     * @param firstPublished the date recorded in new snapshots
     * @return how many snapshots were new
     * @throws IOException when the archive cannot be written (the build must then not publish)
     */
    public int archive(List<RenderedForm> rendered, Path built, List<ResolvedSite> sites,
                       Map<String, FormsSchoolContext> forms, LocalDate firstPublished, Problems problems) throws IOException {
        int added = 0;
        for (RenderedForm form : rendered) {
            Path target = snapshot(form.school(), form.formId(), form.version());
            if (Files.exists(target)) {
                continue;
            }
            Optional<AgreedText> text = snapshotOf(form, built, sites, forms, firstPublished, problems);
            if (text.isPresent() && write(target, text.get())) {
                added++;
            }
        }
        return added;
    }

    private Optional<AgreedText> snapshotOf(RenderedForm form, Path built, List<ResolvedSite> sites,
                                            Map<String, FormsSchoolContext> forms, LocalDate firstPublished,
                                            Problems problems) throws IOException {
        Optional<ResolvedSite> site = sites.stream().filter(s -> s.id().equals(form.school())).findFirst();
        String key = form.pageUrl().substring(form.pageUrl().lastIndexOf('/') + 1).replaceFirst("\\.html$", "");
        Optional<ResolvedPage> page = site.flatMap(s -> s.page(form.lang(), key));
        Optional<FormDefinition> definition = Optional.ofNullable(forms.get(form.school()))
                .flatMap(context -> context.forms().find(form.formId()));
        Path html = built.resolve(form.pageUrl().substring(1));
        if (page.isEmpty() || definition.isEmpty() || !Files.isRegularFile(html)) {
            problems.error("agreed-text", null, 0, "cannot archive the text of form '" + form.formId() + "' on "
                    + form.pageUrl() + ": its page or definition is missing from the build");
            return Optional.empty();
        }
        String definitionText = FormVersion.definitionText(definition.get(), forms.get(form.school()), form.lang());
        String pageSource = PageComposer.pageSource(page.get().bodyText(), site.get().source().settings());
        if (!FormVersion.of(definitionText, SectionIndex.sha(pageSource)).equals(form.version())) {
            problems.error("agreed-text", page.get().file(), 0, "form '" + form.formId() + "' rendered version "
                    + form.version() + " but its texts hash to another: the archive would not match its name");
            return Optional.empty();
        }
        Document document = Jsoup.parse(html.toFile(), StandardCharsets.UTF_8.name());
        Element main = document.selectFirst("main");
        return Optional.of(new AgreedText(AgreedText.FORMAT, form.school(), form.formId(), definition.get().kind().word(),
                form.lang(), form.version(), firstPublished.toString(), form.pageUrl(), page.get().title(),
                definition.get().title().in(form.lang()), definitionText, pageSource,
                main == null ? document.body().html() : main.html()));
    }

    /** Creates the file only if no snapshot of that name exists: a concurrent build's snapshot wins. */
    private static boolean write(Path target, AgreedText text) throws IOException {
        Path dir = target.getParent();
        PrivateFolders.create(dir); // the archive lives in the server's data folder: 0700 from the start (issue 23)
        Path partial = Files.createTempFile(dir, target.getFileName().toString(), ".part");
        try {
            JSON.writeValue(partial.toFile(), text);
            setReadOnly(partial);
            Files.createLink(target, partial);
            return true;
        } catch (FileAlreadyExistsException concurrent) {
            return false;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void setReadOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setReadOnly();
        }
    }
}
