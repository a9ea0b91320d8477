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

/**
 * {@code user add}: makes a staff account (for an address that already has one at another school,
 * a membership of the same person: docs/adr/0080); {@code user reset}: gives an account a new password (a
 * headteacher issuing one to a member of staff who forgot theirs) and signs it out everywhere;
 * {@code user disable} / {@code enable}: cuts off an account's access at once (its sessions end, it
 * cannot sign in) or gives it back; {@code user remove}: ends a membership for good (ADR 0094);
 * {@code user change-email}: gives a person a new address at every school (ADR 0094). The password
 * is never an argument (it would show in {@code ps}).
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage staff accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.Reset.class, UserCommand.Disable.class,
            UserCommand.Enable.class, UserCommand.Remove.class, UserCommand.ChangeEmail.class})
final class UserCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Use: user add --school ID --name NAME --email EMAIL --role ROLE");
        System.out.println("  or user reset --school ID --email EMAIL --by NAME");
        System.out.println("  or user reset --second-factor --school ID --email EMAIL --by NAME");
        System.out.println("  or user disable --school ID --email EMAIL --by NAME");
        System.out.println("  or user enable --school ID --email EMAIL --by NAME");
        System.out.println("  or user remove --school ID --email EMAIL --by NAME");
        System.out.println("  or user change-email --school ID --email EMAIL --new-email EMAIL --by NAME");
    }

    /** What an address can still sign in to after one of its accounts was disabled or removed. */
    static String whatIsLeft(int live) {
        return live == 0 ? "That was the address's last enabled account: it cannot sign in at all now."
                : live == 1 ? "Its account at another school stays as it is."
                : "Its " + live + " accounts at other schools stay as they are.";
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

        @Mixin
        Account account;

        @Option(names = "--name", required = true, paramLabel = "NAME", converter = OneLineText.class,
                description = "The person's name (one line).")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", completionCandidates = AccountRoles.class,
                description = "One of ${COMPLETION-CANDIDATES}.")
        String role;

        @Override
        public Integer call() throws IOException {
            AccountService service = account.service(settings);
            // a person who exists (an account at another school) keeps their password: none is asked for
            boolean known = service.personExists(account.email);
            String password = known ? null : readPassword();
            if (password == null && !known) {
                System.err.println("No password given.");
                return 2;
            }
            try {
                service.add(account.school, name, account.email, role, password);
            } catch (IllegalArgumentException refused) {
                System.err.println("Not added: " + refused.getMessage());
                return 2;
            }
            System.out.println("Added " + role + " " + name + " <" + account.email + "> to " + account.school + ".");
            if (known) {
                // the person may have been removed here before and have no other school (ADR 0101): say only what is so
                System.out.println("The address is a person's who has (or had) an account: it keeps its password and"
                        + " second factor. With accounts at several schools, it chooses which after signing in (and can"
                        + " change school without signing in again).");
                return 0;
            }
            System.out.println("At the first sign-in (/staff/login) the account sets up its second factor at /staff/account"
                    + " with an authenticator app; it is required for roles that can read incident reports.");
            return 0;
        }

        static String readPassword() throws IOException {
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

    /**
     * What every change to an existing account takes: which account ({@link Account}) and who made the
     * change, recorded in the staff account history with "(command line)" after it.
     */
    abstract static class AccountChange implements Callable<Integer> {

        @Mixin
        Settings settings;

        @Mixin
        Account account;

        @Option(names = "--by", required = true, paramLabel = "NAME", converter = OneLineText.class,
                description = "Who made this change, such as the headteacher (recorded; one line).")
        String by;

        String recordedBy() {
            return by + " (command line)";
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Give a staff account a new password (read from standard input, or asked for). The same"
                    + " password rules as a new account's; the account's second factor stays as it is."
                    + " With --second-factor: remove its second factor instead (a lost phone, or a sealed secret"
                    + " that no longer opens); it sets up a new one at its next sign-in.")
    static final class Reset extends AccountChange {

        @Option(names = "--second-factor", description = "Remove the account's second factor (its secret and"
                + " recovery codes) instead of setting a password (recorded).")
        boolean secondFactor;

        @Override
        public Integer call() throws IOException {
            if (secondFactor) {
                int ended;
                try {
                    ended = account.service(settings).removeSecondFactor(account.school, account.email, recordedBy());
                } catch (IllegalArgumentException refused) {
                    System.err.println("Not reset: " + refused.getMessage());
                    return 2;
                }
                System.out.println("Removed the second factor of " + account.email + " at " + account.school + ": "
                        + ended + (ended == 1 ? " session" : " sessions") + " signed in to it ended now. At its next"
                        + " sign-in it sets up a new one: check in person that it is them.");
                return 0;
            }
            String password = Add.readPassword();
            if (password == null) {
                System.err.println("No password given.");
                return 2;
            }
            try {
                account.service(settings).resetPassword(account.school, account.email, password, recordedBy());
            } catch (IllegalArgumentException refused) {
                System.err.println("Not reset: " + refused.getMessage());
                return 2;
            }
            System.out.println("New password set for " + account.email + " at " + account.school + ". Give it to them in person;"
                    + " their second factor is unchanged. Every session signed in to the account has ended.");
            return 0;
        }
    }

    /**
     * {@code disable} and {@code enable}: one change of an account's access, the two differing only in
     * which way ({@link #disabling}).
     */
    abstract static class AccessChange extends AccountChange {

        /** True to cut access off, false to give it back. */
        abstract boolean disabling();

        @Override
        public Integer call() {
            boolean disabled = disabling();
            int ended;
            AccountService service = account.service(settings);
            try {
                ended = service.setDisabled(account.school, account.email, disabled, recordedBy());
            } catch (IllegalArgumentException refused) {
                System.err.println((disabled ? "Not disabled: " : "Not enabled: ") + refused.getMessage());
                return 2;
            }
            System.out.println(disabled
                    ? "Disabled " + account.email + " at " + account.school + ": it cannot sign in, and " + ended
                            + (ended == 1 ? " session" : " sessions") + " signed in to it ended now."
                    : "Enabled " + account.email + " at " + account.school + ": it can sign in again.");
            if (disabled) {
                System.out.println(whatIsLeft(service.liveMemberships(account.email)));
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Cut off a staff account's access now: every session of it ends and it cannot sign in"
                    + " (recorded in the staff account history). Its records stay; 'user enable' gives access back.")
    static final class Disable extends AccessChange {

        @Override
        boolean disabling() {
            return true;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "Let a disabled staff account sign in again (recorded in the staff account history).")
    static final class Enable extends AccessChange {

        @Override
        boolean disabling() {
            return false;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove a staff account at a school for good (someone who has left it): it is disabled,"
                    + " every session of it ends, and it can never be enabled again (recorded in the staff account"
                    + " history). Its records keep it as their author; the address's accounts at other schools stay.")
    static final class Remove extends AccountChange {

        @Override
        public Integer call() {
            AccountService service = account.service(settings);
            int ended;
            try {
                ended = service.remove(account.school, account.email, recordedBy());
            } catch (IllegalArgumentException refused) {
                System.err.println("Not removed: " + refused.getMessage());
                return 2;
            }
            System.out.println("Removed " + account.email + " at " + account.school + " for good: " + ended
                    + (ended == 1 ? " session" : " sessions") + " signed in to it ended now. The records it made keep"
                    + " its name as their author.");
            System.out.println(whatIsLeft(service.liveMemberships(account.email)));
            return 0;
        }
    }

    @Command(name = "change-email", mixinStandardHelpOptions = true,
            description = "Change a person's e-mail address (after a marriage, say), named by their account at one"
                    + " school: it changes at every school they belong to, every session of theirs ends (they sign in"
                    + " with the new address), and the change is recorded in each school's staff account history."
                    + " Refused when another person's account has the new address.")
    static final class ChangeEmail extends AccountChange {

        @Option(names = "--new-email", converter = OneLineText.class, required = true, paramLabel = "EMAIL", description = "The new address.")
        String newEmail;

        @Override
        public Integer call() {
            int ended;
            try {
                ended = account.service(settings).changeEmail(account.school, account.email, newEmail, recordedBy());
            } catch (IllegalArgumentException refused) {
                System.err.println("Not changed: " + refused.getMessage());
                return 2;
            }
            System.out.println("Changed " + account.email + " to " + newEmail.replaceAll("^ +| +$", "")
                    + " at every school of theirs: "
                    + ended + (ended == 1 ? " session" : " sessions") + " ended now; they sign in with the new address."
                    + " Their password and second factor are unchanged.");
            return 0;
        }
    }

    /** Which account: its school and e-mail address, and the manifests that name the schools served. */
    static final class Account {

        @Option(names = "--school", converter = OneLineText.class, required = true, paramLabel = "ID")
        String school;

        @Option(names = "--email", converter = OneLineText.class, required = true, paramLabel = "EMAIL")
        String email;

        @Option(names = "--manifests", paramLabel = "DIR",
                description = "The forms manifests, which name the schools served (default site/target/manifests).")
        java.nio.file.Path manifests;

        AccountService service(Settings settings) {
            var config = settings.loader().set("manifest-dir", manifests).load();
            return new AccountService(Database.open(config.database()), new PasswordHasher(), Clock.systemUTC(),
                    new ManifestCatalog(config.manifestDir()));
        }
    }
}
