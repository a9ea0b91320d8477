package org.polisi.site.cli;

import org.polisi.site.BuildOptions;
import org.polisi.site.BuildResult;
import org.polisi.site.SiteBuild;
import org.polisi.site.report.ReportPrinter;
import org.polisi.site.report.SiteReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ./polisi report [--json]}: each school's relation to its template, translations, reviews, missing documents, and proofing counts. */
@Command(name = "report", description = "Per school: template overrides (and stale ones), translations, review dates, missing documents, unknown words and glossary deviations per language.")
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--json", description = "print JSON for scripts")
    boolean json;

    @Option(names = "--school", description = "a school id (repeatable)")
    List<String> schools = List.of();

    @Override
    public Integer call() throws Exception {
        Path root = PolisiCli.projectRoot();
        BuildOptions options = BuildOptions.defaults(root).withSchools(schools);
        BuildResult result = new SiteBuild(options, line -> { }).resolveOnly();
        List<SiteReport.SchoolReport> reports = SiteReport.of(result.sites(), result.translations(), options.today());
        if (json) {
            ReportPrinter.json(reports, result.proofing(), root, System.out);
        } else {
            ReportPrinter.text(reports, result.proofing(), root, System.out);
            result.errors().forEach(p -> System.out.println("error: " + p.describe(root)));
        }
        return 0;
    }
}
