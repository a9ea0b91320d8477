package org.polisi.site.cli;

import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.SiteBuild;
import org.polisi.site.report.ReportPrinter;
import org.polisi.site.report.SectionListing;
import org.polisi.site.report.SiteReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ./polisi report [--json] [--school ID] [--sections SCHOOL]}: each school's relation to its
 * template, translations, reviews, missing documents, and what is to confirm with the school, and proofing's counts per language.
 */
@Command(name = "report", description = "Per school: template overrides (and stale ones), translations, review dates, missing documents, to confirm, unknown words and glossary deviations per language.")
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Option(names = "--school", description = "a school id (repeatable)")
    List<String> schools = List.of();

    @Option(names = "--sections", paramLabel = "SCHOOL",
            description = "list every section of the school's template (every level) with its id and template= hash")
    String sections;

    @Override
    public Integer call() throws Exception {
        Path root = PolisiCli.projectRoot();
        BuildOptions options = BuildOptions.defaults(root).withSchools(sections != null ? List.of(sections) : schools);
        BuildResult result = new SiteBuild(options, line -> { }).resolveOnly();
        if (sections != null) {
            result.sites().stream().filter(site -> site.id().equals(sections)).findFirst()
                    .ifPresentOrElse(site -> SectionListing.print(site, System.out),
                            () -> System.out.println("no school '" + sections + "'"));
            result.errors().forEach(p -> System.out.println(p.describe(root)));
            return result.sites().isEmpty() ? 1 : 0;
        }
        List<SiteReport.SchoolReport> reports = SiteReport.of(result.sites(), result.translations(), result.toConfirm(), options.today());
        if (json) {
            ReportPrinter.json(reports, result.proofing(), root, System.out);
        } else {
            ReportPrinter.text(reports, result.proofing(), root, System.out);
            result.errors().forEach(p -> System.out.println(p.describe(root)));
        }
        return 0;
    }
}
