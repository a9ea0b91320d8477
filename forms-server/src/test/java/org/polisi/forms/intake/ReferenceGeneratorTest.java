package org.polisi.forms.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The reference drawn on the request's thread is the writer's first candidate, and only the first:
 * should it be taken, each later call gives a fresh reference (a supplier that gave the same one
 * again would make the writer's search for an unused reference loop for ever).
 */
class ReferenceGeneratorTest {

    @Test
    void theCandidateDrawnBeforeTheWriteIsOfferedOnceThenFreshOnes() {
        ReferenceGenerator references = new ReferenceGenerator();
        String first = references.next();
        Supplier<String> candidates = references.startingWith(first);
        assertEquals(first, candidates.get());
        Set<String> later = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String next = candidates.get();
            assertTrue(ReferenceGenerator.plausible(next), next);
            assertNotEquals(first, next);
            later.add(next);
        }
        assertEquals(50, later.size(), "each later candidate is drawn afresh");
        assertEquals(first, references.startingWith(first).get(), "a new supplier (a write run again) starts over");
    }
}
