package org.polisi.site.proof;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link InlineText} runs an expression only on a text that could hold a match: the text must be the
 * same as with every expression run, on every line of the real content, the bundles, the fixtures,
 * the probes and random texts.
 */
class InlineTextTest {
    @Test
    void skippingAnExpressionNeverChangesTheText() {
        List<String> texts = new ArrayList<>(ProofTexts.all());
        texts.addAll(ProofTexts.random());
        int differences = 0;
        List<String> examples = new ArrayList<>();
        for (List<InlineText.Step> steps : List.of(InlineText.ASCIIDOC, InlineText.MESSAGE, InlineText.PLAIN)) {
            for (String text : texts) {
                String gated = InlineText.apply(text, steps, true);
                String every = InlineText.apply(text, steps, false);
                if (!gated.equals(every)) {
                    differences++;
                    examples.add(text + " -> " + gated + " / " + every);
                }
            }
        }
        assertEquals(0, differences, "texts changed by skipping: " + examples.stream().limit(10).toList());
    }

    @Test
    void linksCodeAndAddressesAreStillTakenOut() {
        assertEquals("see and the policy", InlineText.ofAsciidoc("see https://example.org[] and link:p.html[the policy] `code`")
                .replaceAll("\\s+", " ").strip());
        assertEquals("write to or", InlineText.ofMessage("write to head@school.cymru or www.gov.wales").replaceAll("\\s+", " ").strip());
        assertTrue(InlineText.ofMessage("{count, plural, one {# day} other {# days}}").contains("day"));
    }
}
