package org.polisi.forms.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.polisi.forms.archive.AgreedTextArchive;
import org.polisi.forms.archive.AgreedTextCheck;
import org.polisi.forms.storage.ChainVerifier;
import org.polisi.forms.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code verify}: checks every school's hash chain (exit status 1 names the first broken record), then,
 * as a separate step, the archive of agreed texts (exit status 1 names each missing or altered snapshot).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that no stored submission was altered or removed behind the server's back, and that "
                + "the text each record's form version names is archived and unaltered.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Override
    public Integer call() {
        boolean chainIntact = verifyChain();
        boolean archiveWhole = verifyAgreedTexts();
        return chainIntact && archiveWhole ? 0 : 1;
    }

    /** Step 2: every record's form version has its snapshot, and every snapshot hashes to its name. */
    private boolean verifyAgreedTexts() {
        var config = settings.config();
        AgreedTextCheck.Result result = new AgreedTextCheck(new AgreedTextArchive(config.agreedTextsDir()))
                .check(Database.open(config.database()));
        result.problems().forEach(System.out::println);
        if (result.whole()) {
            System.out.println("OK agreed texts: " + result.snapshots() + " snapshot(s) in " + config.agreedTextsDir()
                    + ", each hashing to its name; every one of the " + result.recordedVersions()
                    + " form version(s) the records name is there");
        }
        return result.whole();
    }

    /** Step 1: every school's record chain. */
    private boolean verifyChain() {
        List<ChainVerifier.SchoolResult> results =
                new ChainVerifier(Database.open(settings.config().database())).verifyAll();
        boolean intact = true;
        for (ChainVerifier.SchoolResult result : results) {
            if (result.problem().isPresent()) {
                intact = false;
                System.out.println("BROKEN " + result.problem().get());
            } else {
                System.out.println("OK " + result.school() + ": " + result.records() + " record(s), chain intact");
            }
        }
        if (results.isEmpty()) {
            System.out.println("OK no records yet");
        }
        return intact;
    }
}
