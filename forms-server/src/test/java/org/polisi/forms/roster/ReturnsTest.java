package org.polisi.forms.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.ManifestJson;
import org.polisi.contract.SignerGroup;
import org.polisi.forms.TestServer;

/** Who has not returned a form is asked only of forms a pupil's family returns (a tester found staff agreements listed). */
class ReturnsTest {

    @Test
    void aStaffAgreementIsNeverComparedWithThePupilRoster(@TempDir Path folder) throws Exception {
        Path manifest = folder.resolve("testschool.json");
        String json = Files.readString(TestServer.fixture().resolve("manifests/testschool.json"));
        Files.writeString(manifest, json.replace("\"signedBy\": \"parents\"", "\"signedBy\": \"staff\""));
        List<FormDefinition> forms = ManifestJson.read(manifest).forms();
        FormDefinition staffAgreement = forms.stream().filter(form -> form.signers() == SignerGroup.STAFF)
                .findFirst().orElseThrow();
        List<Roster.Entry> roster = List.of(new Roster.Entry("Dewi Rees", "Class 3"), new Roster.Entry("Alys Morgan", "Class 4"));
        try (TestServer server = TestServer.start(folder.resolve("server"))) {
            List<Returns.Missing> missing = new Returns(server.jdbi()).notReturned("testschool", forms, roster);
            assertEquals(0, missing.stream().filter(entry -> entry.form().id().equals(staffAgreement.id())).count(),
                    "a staff agreement has no pupils to return it");
            assertEquals(forms.stream().filter(form -> form.signers() != SignerGroup.STAFF).count(), missing.size(),
                    "every other form is compared with the roster");
            missing.forEach(entry -> assertEquals(2, entry.onRoster()));
        }
    }
    /**
     * ADR 0098: the person search's loosest level (a name particle left out) does not mark a pupil
     * returned: "Dafydd Owen" on the roster has not returned a form that names "Dafydd ab Owen", who
     * is on the roster too. ADR 0094's levels still count (Ewan McDonald by an answer naming Ewan
     * MacDonald).
     */
    @Test
    void anAnswerNamingThePupilWithAParticleLeftOutIsNotTheirReturn(@TempDir Path folder) throws Exception {
        List<FormDefinition> forms = ManifestJson.read(TestServer.fixture().resolve("manifests/testschool.json")).forms();
        FormDefinition agreement = forms.stream().filter(form -> form.id().equals("parent-agreement")).findFirst()
                .orElseThrow();
        List<Roster.Entry> roster = List.of(new Roster.Entry("Dafydd Owen", "Class 3"),
                new Roster.Entry("Dafydd ab Owen", "Class 3"), new Roster.Entry("Ewan McDonald", "Class 4"));
        try (TestServer server = TestServer.start(folder.resolve("server"))) {
            for (String comment : List.of("For Dafydd ab Owen", "For Ewan MacDonald")) {
                assertEquals(303, server.browser().post("/forms/testschool/parent-agreement", TestServer.form(
                        org.polisi.forms.Submissions.with(org.polisi.forms.Submissions.agreement("en"), "comments",
                                comment))).statusCode());
            }
            Returns.Missing missing = new Returns(server.jdbi()).notReturned("testschool", List.of(agreement), roster)
                    .get(0);
            assertEquals(List.of("Dafydd Owen"), missing.notReturned().stream().map(Roster.Entry::pupil).toList());
        }
    }
}
