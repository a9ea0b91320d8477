package org.polisi.site.confirm;

import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cheap first look ({@link PlaceholderAddresses#mayHoldOne}) never passes over a line the pattern matches. */
class PlaceholderAddressesTest {

    @Test
    void theFirstLookPassesOverNoLineThePatternMatches() throws Exception {
        List<String> lines = new ArrayList<>(List.of("Write to office@EXAMPLE.ORG today", "see https://school.example.com/a/b.",
                "head@rumney.invalid", "HTTP://X.Y.EXAMPLE.NET", "an example, not an address", "example.org without a scheme",
                "mail@example.co.uk", "https://example.org.uk/", "office@school.wales"));
        try (Stream<Path> files = Files.walk(Fixtures.projectRoot().resolve("content"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".adoc") || f.toString().endsWith(".yml")).toList()) {
                lines.addAll(ToConfirmList.lines(file));
            }
        }
        Random random = new Random(20261201);
        String alphabet = "aeEXMPLxmpl.o rgcnt@:/h-_+IvdiNVD";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder line = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            lines.add(line.toString());
        }
        int matched = 0;
        for (String line : lines) {
            if (PlaceholderAddresses.PLACEHOLDER.matcher(line).find()) {
                matched++;
                assertTrue(PlaceholderAddresses.mayHoldOne(line), line);
            }
        }
        assertTrue(matched >= 4, "lines matched: " + matched);
        assertFalse(PlaceholderAddresses.mayHoldOne("office@school.wales"));
        assertEquals(1, new PlaceholderAddresses().findIn(Path.of("x.adoc"), List.of("Write to office@example.org.")).size());
    }
}
