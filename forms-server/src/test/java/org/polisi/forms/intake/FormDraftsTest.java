package org.polisi.forms.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polisi.forms.TestDatabases;
import org.polisi.forms.storage.Database;
import org.polisi.forms.storage.SubmissionLedger;

/**
 * Drafts (docs/adr/0052) written by the ledger's writer in one statement each (issue 23's intake
 * figures): a save with the token of a live, unsent draft of the same form and school updates it and
 * keeps the token; any other token (sent, expired, of another form or school, malformed) gives a new
 * draft and leaves the one it named as it was.
 */
class FormDraftsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static FormDrafts.Draft draft(String pupil) {
        return new FormDrafts.Draft("en", FormDrafts.Step.ANSWERS, Map.of("pupil-names", List.of(pupil)), null);
    }

    private static String pupil(Optional<FormDrafts.Draft> draft) {
        return draft.orElseThrow().parameters().get("pupil-names").get(0);
    }

    /** A fresh database with its ledger (whose writer makes every draft write). */
    private record Store(Database database, SubmissionLedger ledger) implements AutoCloseable {
        static Store fresh(TestDatabases.Kind kind, Path folder) {
            Database database = Database.connect(TestDatabases.fresh(kind, folder));
            return new Store(database, new SubmissionLedger(database.jdbi()));
        }

        /** Drafts as an instance whose clock reads {@code now} keeps them. */
        FormDrafts drafts(Instant now) {
            return new FormDrafts(database.jdbi(), ledger, Clock.fixed(now, ZoneOffset.UTC));
        }

        @Override
        public void close() {
            ledger.close();
            database.close();
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void aSaveUpdatesOnlyTheLiveUnsentDraftOfItsOwnFormAndSchool(TestDatabases.Kind kind, @TempDir Path folder) {
        try (Store store = Store.fresh(kind, folder)) {
            FormDrafts drafts = store.drafts(NOW);
            String token = drafts.save("testschool", "images-consent", Optional.empty(), draft("Nia"));
            assertEquals(token, drafts.save("testschool", "images-consent", Optional.of(token), draft("Nia Morgan")),
                    "the same live draft, the same address");
            assertEquals("Nia Morgan", pupil(drafts.find("testschool", "images-consent", token)));

            String otherForm = drafts.save("testschool", "parent-agreement", Optional.of(token), draft("Ifan"));
            String otherSchool = drafts.save("otherschool", "images-consent", Optional.of(token), draft("Ifan"));
            String malformed = drafts.save("testschool", "images-consent", Optional.of("not-a-token"), draft("Ifan"));
            for (String fresh : List.of(otherForm, otherSchool, malformed)) {
                assertNotEquals(token, fresh);
            }
            assertEquals("Nia Morgan", pupil(drafts.find("testschool", "images-consent", token)),
                    "a token of another form or school changes nothing of its draft");
            assertEquals("Ifan", pupil(drafts.find("testschool", "parent-agreement", otherForm)));

            drafts.sent("testschool", "images-consent", token, "ABCD-2345");
            String afterSending = drafts.save("testschool", "images-consent", Optional.of(token), draft("Siân"));
            assertNotEquals(token, afterSending, "a sent draft is never filled again");
            FormDrafts.Draft sent = drafts.find("testschool", "images-consent", token).orElseThrow();
            assertEquals("ABCD-2345", sent.reference());
            assertTrue(sent.parameters().isEmpty(), "once sent, the answers are gone");
            int rows = store.database().jdbi().withHandle(handle ->
                    handle.createQuery("SELECT count(*) FROM form_draft").mapTo(Integer.class).one());
            assertEquals(5, rows, "one draft per save that did not name a live draft of its own form");
        }
    }

    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void anExpiredDraftIsNeverRenewedBySavingWithItsToken(TestDatabases.Kind kind, @TempDir Path folder) {
        try (Store store = Store.fresh(kind, folder)) {
            String token = store.drafts(NOW).save("testschool", "images-consent", Optional.empty(), draft("Nia"));
            FormDrafts later = store.drafts(NOW.plus(FormDrafts.LIFETIME).plus(Duration.ofSeconds(1)));
            String saved = later.save("testschool", "images-consent", Optional.of(token), draft("Nia Morgan"));
            assertNotEquals(token, saved, "expired: a new draft, not the old one brought back");
            assertTrue(later.find("testschool", "images-consent", token).isEmpty());
            assertEquals("Nia Morgan", pupil(later.find("testschool", "images-consent", saved)));
        }
    }

    /**
     * A draft is written by the ledger's writer, in the transaction it shares with the submissions
     * waiting beside it, never in a write transaction of its own (which contended with the writer for
     * SQLite's one write lock). Asked from inside the writer, a save therefore cannot run at all.
     */
    @ParameterizedTest
    @MethodSource("org.polisi.forms.TestDatabases#both")
    void draftsAreWrittenByTheLedgerWriter(TestDatabases.Kind kind, @TempDir Path folder) {
        try (Store store = Store.fresh(kind, folder)) {
            FormDrafts drafts = store.drafts(NOW);
            IllegalStateException nested = assertThrows(IllegalStateException.class, () -> store.ledger().inWriteTransaction(
                    transaction -> drafts.save("testschool", "images-consent", Optional.empty(), draft("Nia"))));
            assertTrue(nested.getMessage().contains("from inside the writer"), nested.getMessage());
            String token = drafts.save("testschool", "images-consent", Optional.empty(), draft("Nia"));
            assertEquals("Nia", pupil(drafts.find("testschool", "images-consent", token)));
        }
    }
}
