package org.polisi.forms.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
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
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.staff.StaffRecords;
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
        @Option(names = "--school", converter = OneLineText.class, paramLabel = "ID", description = "Export this school's submissions as CSV.")
        String school;

        @Option(names = "--person", converter = OneLineText.class, paramLabel = "NAME", description = "Export everything naming this person.")
        String person;
    }

    @Option(names = "--form", converter = OneLineText.class, paramLabel = "ID", description = "Only this form (with --school).")
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
        StaffRecords records = new StaffRecords(jdbi, new ManifestCatalog(config.manifestDir()), Clock.systemUTC());
        String text;
        if (what.person != null) {
            if (!PersonSearch.searchable(what.person)) {
                System.err.println("Give at least two letters of the person's name");
                return 2;
            }
            text = SubjectAccessExport.write(records.commandLinePersonExport(what.person, operator()), Instant.now());
        } else {
            StaffRecords.Decision<StaffRecords.Rows> decision =
                    records.commandLineExport(what.school, Optional.ofNullable(form), operator());
            if (!(decision instanceof StaffRecords.Decision.Granted<StaffRecords.Rows> granted)) {
                System.err.println(new ManifestCatalog(config.manifestDir()).school(what.school).isEmpty()
                        ? "No manifest for school " + what.school + " in " + config.manifestDir()
                        : "School " + what.school + " has no form " + form);
                return 2;
            }
            StaffRecords.Rows export = granted.value();
            CsvExport csv = new CsvExport(new Messages());
            text = export.form().isPresent()
                    ? csv.oneForm(export.manifest(), export.form().get(), export.rows(), Messages.supported(language))
                    : csv.allForms(export.manifest(), export.rows(), Messages.supported(language));
        }
        if (out == null) {
            System.out.print(text);
        } else {
            PrivateFiles.write(out, text); // personal data: mode 0600 whatever the umask
            System.err.println("Written to " + out.toAbsolutePath());
        }
        return 0;
    }

    /** Who ran the export, as the record of incident views names them. */
    private static String operator() {
        return System.getProperty("user.name");
    }
}
