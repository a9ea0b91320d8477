package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.Manifest;
import org.polisi.forms.bench.SubmissionBodies;
import org.polisi.forms.manifest.ManifestCatalog;

/**
 * The forms contract, end to end and without a browser (docs/adr/0039): the real {@code content/} is
 * baked by the real site build, every manifest it writes is read strictly by the server's catalogue,
 * and one valid submission per form and language the pages embed is posted to the real server, which
 * must store it. It lives here because this module already depends on both halves; it needs no Chromium.
 */
class FormsContractTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void everyManifestOfTheRealContentIsReadStrictlyAndEveryFormAcceptsAValidSubmission() throws Exception {
        BakedSites sites = BakedSites.get();
        ManifestCatalog catalog = new ManifestCatalog(sites.manifestsDir());
        List<Path> written;
        try (Stream<Path> files = Files.list(sites.manifestsDir())) {
            written = files.filter(file -> file.toString().endsWith(".json")).toList();
        }
        assertFalse(written.isEmpty(), "the build wrote manifests in " + sites.manifestsDir());
        assertEquals(written.size(), catalog.checkAll(), "every manifest the site wrote is valid for the server");
        List<Manifest> manifests = catalog.all();
        assertEquals(written.size(), manifests.size());

        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (PolisiServer server = PolisiServer.start(sites)) {
            long number = 1;
            for (Manifest manifest : manifests) {
                for (FormDefinition form : manifest.forms()) {
                    for (String language : form.versions().keySet()) {
                        String what = manifest.school() + "/" + form.id() + " (" + language + ")";
                        if (manifest.preview()) {
                            // a cluster template's preview takes no submissions: a clear 403, nothing stored
                            assertEquals(403, send(server, new SubmissionBodies(manifest, form.id(), language), number++)
                                    .statusCode(), what + ": a preview's form must be refused");
                            refused.add(what);
                            continue;
                        }
                        String reference = post(server, new SubmissionBodies(manifest, form.id(), language), number++, what);
                        Optional<Map<String, String>> stored = server.submission(reference);
                        assertTrue(stored.isPresent(), what + ": the receipt's reference " + reference + " is stored");
                        assertEquals(form.id(), stored.get().get("form_id"), what);
                        assertEquals(language, stored.get().get("lang"), what);
                        accepted.add(what);
                    }
                }
            }
        }
        long embedded = manifests.stream().flatMap(manifest -> manifest.forms().stream())
                .mapToLong(form -> form.versions().size()).sum();
        assertTrue(embedded > 0, "the real content embeds forms");
        assertEquals(embedded, accepted.size() + refused.size(), accepted.toString());
        assertTrue(!accepted.isEmpty(), "the schools' own forms are accepted");
    }

    /** Posts the body as the page's form would, and returns the reference the receipt's address names. */
    private static String post(PolisiServer server, SubmissionBodies bodies, long number, String what)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(server, bodies, number);
        assertEquals(303, response.statusCode(), what + " was not accepted: " + response.body());
        String location = response.headers().firstValue("Location").orElse("");
        String prefix = "/received/";
        assertTrue(location.contains(prefix), what + ": " + location);
        String afterPrefix = location.substring(location.indexOf(prefix) + prefix.length());
        return afterPrefix.substring(0, afterPrefix.indexOf('?'));
    }

    private static HttpResponse<String> send(PolisiServer server, SubmissionBodies bodies, long number)
            throws IOException, InterruptedException {
        String origin = server.url("");
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url(bodies.path())))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(bodies.body(number, true))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
