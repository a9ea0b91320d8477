package org.polisi.forms.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.polisi.contract.StaffRole;
import org.polisi.forms.manifest.ManifestCatalog;
import org.polisi.forms.staff.AccountService;
import org.polisi.forms.staff.PasswordHasher;
import org.polisi.forms.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code user add}: makes a staff account. The password is never an argument (it would show in {@code ps}). */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage staff accounts.",
        subcommands = UserCommand.Add.class)
final class UserCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Use: user add --school ID --name NAME --email EMAIL --role ROLE");
    }

    /** The account words of {@link StaffRole}, for {@code --role}'s help and completion. */
    static final class AccountRoles implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(StaffRole.values()).map(StaffRole::word).iterator();
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a staff account. The password is read from standard input, or asked for.")
    static final class Add implements Callable<Integer> {

        @Mixin
        Settings settings;

        @Option(names = "--school", required = true, paramLabel = "ID")
        String school;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--email", required = true, paramLabel = "EMAIL")
        String email;

        @Option(names = "--manifests", paramLabel = "DIR",
                description = "The forms manifests, which name the schools served (default site/target/manifests).")
        java.nio.file.Path manifests;

        @Option(names = "--role", required = true, paramLabel = "ROLE", completionCandidates = AccountRoles.class,
                description = "One of ${COMPLETION-CANDIDATES}.")
        String role;

        @Override
        public Integer call() throws IOException {
            String password = readPassword();
            if (password == null) {
                System.err.println("No password given.");
                return 2;
            }
            var config = settings.loader().set("manifest-dir", manifests).load();
            AccountService accounts = new AccountService(Database.open(config.database()),
                    new PasswordHasher(), Clock.systemUTC(), new ManifestCatalog(config.manifestDir()));
            try {
                accounts.add(school, name, email, role, password);
            } catch (IllegalArgumentException refused) {
                System.err.println("Not added: " + refused.getMessage());
                return 2;
            }
            System.out.println("Added " + role + " " + name + " <" + email + "> to " + school + ".");
            System.out.println("At the first sign-in (/staff/login) the account sets up its second factor at /staff/account"
                    + " with an authenticator app; it is required for roles that can read incident reports.");
            return 0;
        }

        private static String readPassword() throws IOException {
            Console console = System.console();
            if (console == null) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                return in.readLine();
            }
            char[] first = console.readPassword("Password (at least %d characters): ",
                    AccountService.MINIMUM_PASSWORD_LENGTH);
            char[] again = console.readPassword("The same password again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                System.err.println("The passwords are not the same.");
                return null;
            }
            return new String(first);
        }
    }
}
