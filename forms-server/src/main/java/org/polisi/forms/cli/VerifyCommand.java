package org.polisi.forms.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.polisi.forms.storage.ChainVerifier;
import org.polisi.forms.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code verify}: checks every school's hash chain; exit status 1 names the first broken record. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that no stored submission was altered or removed behind the server's back.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    Settings settings;

    @Override
    public Integer call() {
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
        return intact ? 0 : 1;
    }
}
