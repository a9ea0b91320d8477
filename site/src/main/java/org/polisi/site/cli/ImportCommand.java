package org.polisi.site.cli;

import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.SiteBuild;
import org.polisi.site.buildserver.BuildLock;
import org.polisi.site.render.RenderCache;
import org.polisi.site.importing.ImportFinding;
import org.polisi.site.importing.PageImporter;
import org.polisi.site.importing.Pandoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code ./polisi import FILE --school ID --page KEY [--lang en|cy] [--kind policy|appendix]}: turns
 * a school's Word (or OpenDocument, HTML, Markdown) policy into a page, says what a person must
 * finish, then builds the school and shows its problems. Exit 0 when the page was written (even
 * with findings), 1 when the build found errors, 2 when nothing was written.
 */
@Command(name = "import", description = "Import a .docx, .odt, .html or .md policy as a page of a school (needs pandoc).")
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the document: .docx, .odt, .html or .md")
    Path file;

    @Option(names = "--school", required = true, description = "the school's id (see content/schools/)")
    String school;

    @Option(names = "--page", required = true, description = "the page's key: lower-case English words joined by hyphens, e.g. safeguarding-policy")
    String page;

    @Option(names = "--lang", defaultValue = "en", description = "the document's language: en (default) or cy, a translation of the English page")
    String language;

    @Option(names = "--kind", defaultValue = "policy", description = "policy (default) or appendix")
    String kind;

    @Option(names = "--parent", description = "appendices: the key of the policy they belong to (default: the school's only policy)")
    String parent;

    @Option(names = "--force", description = "replace the page if it exists")
    boolean force;

    @Override
    public Integer call() throws Exception {
        Optional<Pandoc> pandoc = Pandoc.find();
        if (pandoc.isEmpty()) {
            System.err.println("error: import needs pandoc, which is not installed: " + Pandoc.INSTALL_HINT);
            return 2;
        }
        Path root = PolisiCli.projectRoot();
        BuildOptions options = BuildOptions.defaults(root).withSchools(List.of(school));
        long start = System.nanoTime();
        PageImporter.Outcome outcome;
        try {
            outcome = PageImporter.run(pandoc.get(), new PageImporter.Request(file.toAbsolutePath(), options.contentDir(),
                    options.themeDir(), school, page, language, kind, Optional.ofNullable(parent), force));
        } catch (PageImporter.ImportRefused | Pandoc.PandocException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        }
        String written = root.relativize(outcome.page()).toString();
        System.out.printf("Imported %s as %s in %.1f s%n", file.getFileName(), written, (System.nanoTime() - start) / 1e9);
        outcome.pandocMessages().forEach(message -> System.out.println("pandoc: " + message));
        List<ImportFinding> findings = outcome.findings();
        if (findings.isEmpty()) {
            System.out.println("Nothing needs your attention in the conversion.");
        } else {
            System.out.println(findings.size() + " things to look at (docs/authoring.md says how):");
            findings.forEach(finding -> System.out.println("  " + finding.describe(written)));
        }
        System.out.println("Building " + school + "...");
        BuildResult result;
        BuildOptions published = options;
        try (BuildLock lock = BuildLock.ofCheckout(root, System.out);   // one build at a time (ADR 0079, 0088)
             BuildLock work = BuildLock.ofWorkFolder(options.workDir(), System.out)) {     // in its work folder too (ADR 0100)
            published = PublishedOrigin.resolve(options, System.out);   // at the published set's origin (tester 6's N5)
            result = new SiteBuild(published, System.out::println,
                    Optional.of(RenderCache.at(root.resolve(RenderCache.DEFAULT_DIR)))).run();
        }
        int status = BuildCommand.summarise(result, root, published);
        System.out.println("See it with ./polisi preview, at /" + school + "/" + language + "/" + page + ".html");
        return status != 0 || !result.errors().isEmpty() ? 1 : 0;
    }
}
