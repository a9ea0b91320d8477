package org.polisi.forms.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.intake.FormDrafts;
import org.polisi.forms.retention.PurgeService;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.storage.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code purge}: erases the answers of every submission past its form's retention rule, and says why for each. */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Erase submissions past their form's retention rule (a tombstone stays); prints each and why.")
final class PurgeCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Option(names = "--manifests", paramLabel = "DIR", description = "The forms manifests (default site/target/manifests).")
    Path manifests;

    @Override
    public Integer call() {
        ServerConfig config = settings.loader().set("manifest-dir", manifests).load();
        org.jdbi.v3.core.Jdbi jdbi = Database.open(config.database());
        SubmissionLedger ledger = new SubmissionLedger(jdbi);
        List<PurgeService.Purged> purged = new PurgeService(new ManifestCatalog(config.manifestDir()), ledger)
                .purge(Instant.now());
        int drafts = new FormDrafts(jdbi, ledger, java.time.Clock.systemUTC()).forgetExpired();
        for (PurgeService.Purged each : purged) {
            System.out.println("purged " + each.school() + " " + each.formId() + " " + each.reference()
                    + " received " + Times.format(each.receivedAt()) + ": kept until " + each.keptUntil()
                    + " (" + each.why() + ")");
        }
        System.out.println(purged.size() + " submission(s) purged");
        System.out.println(drafts + " expired draft(s) of answers never sent deleted");
        return 0;
    }
}
