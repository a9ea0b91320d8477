package org.polisi.site.importing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Merged cells as polisi-import.lua marks them, put back or reported at the table's line (docs/adr/0108). */
class MergedCellsTest {
    private static final String S = "\u27E6polisi-span ";
    private static final String E = "\u27E7";

    private static ImportCleanup.Result clean(String... lines) {
        return ImportCleanup.apply(new ArrayList<>(List.of(lines)), List.of(), target -> Optional.empty(), 10);
    }

    @Test
    void mergesThatDoNotFitTheGridAreReportedAtTheTableAndLeftUnmerged() {
        // "Staff" claims two columns, but the place it would cover holds text: pandoc's grid disagrees.
        ImportCleanup.Result result = clean("== Who", "", "[cols=\"1,1,1\",options=\"header\",]", "|===",
                "|" + S + "1 1 h" + E + "Technology |" + S + "1 2 h" + E + "Staff |Pupils",
                "|" + S + "1 1 b" + E + "Phones |" + S + "1 1 b" + E + "✓ |" + S + "1 1 b" + E, "|===");
        List<ImportFinding> merged = result.findings().stream().filter(f -> f.message().contains("merged cells")).toList();
        assertEquals(1, merged.size(), result.findings().toString());
        assertEquals(ImportFinding.Kind.NOT_CONVERTED, merged.get(0).kind());
        assertEquals("Who", merged.get(0).place());
        String text = String.join("\n", result.body());
        assertTrue(text.contains("|Technology |Staff |Pupils"), text);
        assertFalse(text.contains("\u27E6") || text.contains("2+"), text);
        assertTrue(result.body().get(merged.get(0).line() - 10).startsWith("// polisi-import: not converted (table)"),
                "the finding's line is the comment above the table: " + result.body());
    }

    @Test
    void aBodyRowWithTicksUnderAMergedHeadingIsNotTakenForAHeaderRow() {
        ImportCleanup.Result result = clean("[cols=\"1,1,1\",options=\"header\",]", "|===",
                "|" + S + "1 1 h" + E + "Technology |" + S + "1 2 h" + E + "Staff |",
                "|" + S + "1 1 b" + E + " |" + S + "1 1 b" + E + "✓ |" + S + "1 1 b" + E + "✓",
                "|" + S + "1 1 b" + E + "Phones |" + S + "1 1 b" + E + "✓ |" + S + "1 1 b" + E, "|===");
        String text = String.join("\n", result.body());
        assertTrue(text.contains("options=\"header\""), text);
        assertTrue(text.contains("|Technology 2+|Staff"), text);
        assertEquals(List.of(), result.findings());
    }

    @Test
    void aCellMergedAcrossAndDownKeepsBothSpans() {
        ImportCleanup.Result result = clean("[cols=\"1,1,1\",options=\"header\",]", "|===",
                "|" + S + "1 1 h" + E + "A |" + S + "1 1 h" + E + "B |" + S + "1 1 h" + E + "C",
                "|" + S + "2 2 b" + E + "Both |  |" + S + "1 1 b" + E + "x",
                "| | |" + S + "1 1 b" + E + "y", "|===");
        String text = String.join("\n", result.body());
        assertTrue(text.contains("2.2+|Both |x"), text);
        assertTrue(text.contains("\n|y\n"), text);
    }
}
