package org.polisi.forms.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.export.CsvExport;
import org.polisi.forms.export.PersonSearch;
import org.polisi.forms.export.SubjectAccessExport;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.manifest.FormDefinition;
import org.polisi.forms.manifest.FormKind;
import org.polisi.forms.manifest.Manifest;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.staff.IncidentViews;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.PrivateFiles;
import org.polisi.forms.storage.SubmissionDao;
import org.polisi.forms.storage.SubmissionRow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export --school ID [--form ID]}: a school's submissions as CSV; {@code export --person NAME}:
 * everything naming a person, as JSON (subject access), found with {@link PersonSearch} and saying for each
 * record whether it matched exactly or without accents. Incident reports exported are recorded as viewed.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a school's submissions (CSV), or everything naming a person (JSON).")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--school", paramLabel = "ID", description = "Export this school's submissions as CSV.")
        String school;

        @Option(names = "--person", paramLabel = "NAME", description = "Export everything naming this person.")
        String person;
    }

    @Option(names = "--form", paramLabel = "ID", description = "Only this form (with --school).")
    String form;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "Language of headings and answers.")
    String language;

    @Option(names = "--manifests", paramLabel = "DIR", description = "The forms manifests (default site/target/manifests).")
    Path manifests;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        ServerConfig config = settings.loader().set("manifest-dir", manifests).load();
        Jdbi jdbi = Database.open(config.database());
        String text;
        if (what.person != null) {
            if (!PersonSearch.searchable(what.person)) {
                System.err.println("Give at least two letters of the person's name");
                return 2;
            }
            PersonSearch.Findings findings = new PersonSearch(jdbi).find(what.person, PersonSearch.Scope.everything());
            recordIncidentViews(jdbi, findings.submissions().stream().map(PersonSearch.FoundSubmission::record).toList());
            text = SubjectAccessExport.write(findings, Instant.now());
        } else {
            Optional<Manifest> manifest = new ManifestCatalog(config.manifestDir()).school(what.school);
            if (manifest.isEmpty()) {
                System.err.println("No manifest for school " + what.school + " in " + config.manifestDir());
                return 2;
            }
            Optional<FormDefinition> chosen = form == null ? Optional.empty() : manifest.get().form(form);
            if (form != null && chosen.isEmpty()) {
                System.err.println("School " + what.school + " has no form " + form);
                return 2;
            }
            List<String> formIds = chosen.map(f -> List.of(f.id()))
                    .orElse(manifest.get().forms().stream().map(FormDefinition::id).toList());
            List<SubmissionRow> rows = jdbi.withExtension(SubmissionDao.class, submissions -> submissions.livePage(
                    what.school, formIds, Instant.EPOCH, Instant.parse("9999-12-31T00:00:00Z"), false, -1, 0));
            recordIncidentViews(jdbi, rows);
            CsvExport csv = new CsvExport(new Messages());
            text = chosen.isPresent() ? csv.oneForm(manifest.get(), chosen.get(), rows, Messages.supported(language))
                    : csv.allForms(manifest.get(), rows, Messages.supported(language));
            if (out != null) {
                text = "\uFEFF" + text; // a file for a spreadsheet: the BOM makes Excel on Windows read UTF-8
            }
        }
        if (out == null) {
            System.out.print(text);
        } else {
            PrivateFiles.write(out, text); // personal data: mode 0600 whatever the umask
            System.err.println("Written to " + out.toAbsolutePath());
        }
        return 0;
    }

    private static void recordIncidentViews(Jdbi jdbi, List<SubmissionRow> rows) {
        String viewer = "command line (" + System.getProperty("user.name") + ")";
        Instant now = Instant.now();
        IncidentViews.record(jdbi, rows.stream().filter(row -> FormKind.INCIDENT.word().equals(row.formKind())).toList(),
                null, viewer, "command-line", now);
    }
}
