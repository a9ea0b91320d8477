package org.polisi.forms.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.logging.LogText;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.retention.ErasureService;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.SubmissionLedger;
import org.polisi.forms.storage.Times;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code erase}: removes one submission's answers on request, leaving a tombstone and a log entry;
 * refused, as on the staff pages, while the record is under a legal hold.
 */
@Command(name = "erase", mixinStandardHelpOptions = true,
        description = "Erase one submission's answers (right to erasure); the chain still verifies."
                + " Refused while the record is under a legal hold (an incident report before its keep-until date).")
final class EraseCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Option(names = "--school", converter = OneLineText.class, required = true, paramLabel = "ID")
    String school;

    @Option(names = "--reference", converter = OneLineText.class, required = true, paramLabel = "REF")
    String reference;

    @Option(names = "--by", paramLabel = "NAME", converter = OneLineText.class,
            description = "Who asked for it (recorded; one line).")
    String erasedBy;

    @Option(names = "--because", paramLabel = "WORDS", converter = OneLineText.class,
            description = "Why (recorded, shown on the record's tombstone; one line).")
    String because;

    @Option(names = "--manifests", paramLabel = "DIR", description = "The forms manifests (default site/target/manifests).")
    Path manifests;

    @Override
    public Integer call() {
        String who = erasedBy != null ? erasedBy : "command line (" + System.getProperty("user.name") + ")";
        ServerConfig config = settings.loader().set("manifest-dir", manifests).load();
        Jdbi jdbi = Database.open(config.database());
        ErasureService erasures = new ErasureService(jdbi, new SubmissionLedger(jdbi),
                new ManifestCatalog(config.manifestDir()));
        ErasureService.Outcome outcome = erasures.eraseOnRequest(school, reference, Optional.ofNullable(because).filter(words -> !words.isBlank()), who,
                        Instant.now());
        if (outcome instanceof ErasureService.Outcome.Erased) {
            System.out.println("Erased " + reference);
            return 0;
        }
        if (outcome instanceof ErasureService.Outcome.Held held) {
            System.out.println("Not erased: " + reference + " is under a legal hold "
                    + held.hold().until().map(day -> "until " + day).orElse("(no keep-until date set yet)"));
            return 1;
        }
        Optional<ErasureService.Tombstone> erased = erasures.tombstone(school, reference);
        if (erased.isPresent()) {   // it exists: say so, and when and by whom (escaped: an older entry may hold anything)
            System.out.println("Not erased again: " + school + " " + reference + " was erased at "
                    + Times.format(erased.get().erasedAt()) + " by " + LogText.escape(erased.get().erasedBy()));
            return 1;
        }
        System.out.println("No such record to erase: " + school + " " + reference);
        return 1;
    }
}
