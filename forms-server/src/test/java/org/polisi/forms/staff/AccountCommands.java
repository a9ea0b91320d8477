package org.polisi.forms.staff;

import org.polisi.forms.TestDatabases;
import org.polisi.forms.TestServer;
import org.polisi.forms.cli.FormsCliTestAccess;
import org.polisi.forms.config.ServerConfig;
import org.polisi.forms.storage.ChainVerifier;

/** The real {@code user} command line against a test server's database, and verify's verdict on it. */
final class AccountCommands {

    private AccountCommands() {
    }

    /** {@code user COMMAND --school SCHOOL --email EMAIL --by "Heledd Pennaeth"}, then any further arguments. */
    static FormsCliTestAccess.Run run(TestServer server, ServerConfig config, TestDatabases.Kind kind, String command,
                                      String school, String email, String... more) {
        String[] args = {"user", command, "--db", db(server, config, kind), "--manifests", manifests(),
            "--school", school, "--email", email, "--by", "Heledd Pennaeth"};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return FormsCliTestAccess.run(all);
    }

    /** Whether every chain of the database verifies, the staff accounts' comparison with their history included. */
    static boolean verified(TestServer server) {
        return new ChainVerifier(server.jdbi()).verifyAll().stream().allMatch(result -> result.problem().isEmpty());
    }

    /** The {@code --db} argument for the server's database. */
    static String db(TestServer server, ServerConfig config, TestDatabases.Kind kind) {
        return kind == TestDatabases.Kind.SQLITE ? server.database.toString()
                : config.database().jdbcUrl() + "?user=" + config.database().user();
    }

    /** The fixture's manifests, which name the schools served. */
    static String manifests() {
        return TestServer.fixture().resolve("manifests").toString();
    }
}
