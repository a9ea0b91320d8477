package org.polisi.forms.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.polisi.forms.retention.ErasureService;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.SubmissionLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code erase}: removes one submission's answers on request, leaving a tombstone and a log entry. */
@Command(name = "erase", mixinStandardHelpOptions = true,
        description = "Erase one submission's answers (right to erasure); the chain still verifies.")
final class EraseCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Option(names = "--school", required = true, paramLabel = "ID")
    String school;

    @Option(names = "--reference", required = true, paramLabel = "REF")
    String reference;

    @Option(names = "--by", paramLabel = "NAME", description = "Who asked for it (recorded).")
    String erasedBy;

    @Override
    public Integer call() {
        String who = erasedBy != null ? erasedBy : "command line (" + System.getProperty("user.name") + ")";
        boolean erased = new ErasureService(new SubmissionLedger(Database.open(settings.config().database())))
                .erase(school, reference, ErasureService.REQUEST, who, Instant.now()).isPresent();
        System.out.println(erased ? "Erased " + reference : "No such record to erase: " + school + " " + reference);
        return erased ? 0 : 1;
    }
}
