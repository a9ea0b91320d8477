package org.polisi.site.compose;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The composer resolves the page chrome's text itself (docs/adr/0064), so it must make of a value
 * exactly what Asciidoctor made of it as a header attribute: the same escaping, the same
 * references resolved (the page's values, Asciidoctor's intrinsic ones, case aside), the same
 * escaped and missing references left. Checked against Asciidoctor itself, not against our idea of it.
 */
class AttributeBlockTest {
    private static AttributeBlock block() {
        return new AttributeBlock()
                .put("attribute-missing", "warn")
                .put("school-name", "Smith & Jones <Primary>")
                .put("office", "the office of {school-name}")
                .put("Mixed-Case", "upper");
    }

    private static final List<String> VALUES = List.of(
            "Plain words",
            "Fish & chips <b>bold</b> > less",
            "Already &amp; escaped",
            "{school-name} policy",
            "Visit {office}",
            "{SCHOOL-NAME} and {mixed-case}",
            "Non{nbsp}breaking{sp}space, {amp} {lt}tag{gt}, {startsb}x{endsb}, {cpp}, {empty}end",
            "Escaped \\{school-name} stays",
            "Missing {no-such-value} stays",
            "Polisi Diogelu {school-name}: ŵ ŷ â",
            "  trimmed {empty}  ",
            "{set:foo:bar} is a directive");

    @Test
    void htmlIsWhatAsciidoctorMakesOfTheSameHeaderAttribute() {
        AttributeBlock block = block();
        StringBuilder document = new StringBuilder("= Probe\n").append(block.render());
        for (int i = 0; i < VALUES.size(); i++) {
            document.append(":probe-").append(i).append(": ").append(VALUES.get(i).strip()).append('\n');
        }
        document.append("\nBody.\n");
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
            Document converted = asciidoctor.load(document.toString(),
                    Options.builder().safe(SafeMode.SECURE).standalone(false).build());
            for (int i = 0; i < VALUES.size(); i++) {
                if (VALUES.get(i).startsWith("{set:")) {
                    continue;   // a directive, not a reference: Asciidoctor sets an attribute, we leave it as written
                }
                Object value = converted.getAttribute("probe-" + i);
                expected.add(VALUES.get(i) + " → " + (value == null ? "" : value.toString().trim()));
                actual.add(VALUES.get(i) + " → " + block.html(VALUES.get(i)));
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void aReferenceInAValueIsResolvedThroughTheValuesItNames() {
        assertEquals("Visit the office of Smith &amp; Jones &lt;Primary&gt;", block().html("Visit {office}"));
    }

    @Test
    void aValueThatNamesItselfEndsInsteadOfLoopingForever() {
        AttributeBlock block = new AttributeBlock().put("loop", "again {loop}");
        String html = block.html("{loop}");
        assertTrue(html.startsWith("again again"), html);
    }
}
