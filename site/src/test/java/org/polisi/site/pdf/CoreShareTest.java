package org.polisi.site.pdf;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A thread that used no CPU between two questions had no share of a core: the warm-up stops then
 * (ADR 0077). (Whether a busy thread gets enough depends on the machine's load, so no test asserts it.)
 */
class CoreShareTest {
    @Test
    void aThreadThatOnlyWaitedHadNoShareOfACore() throws InterruptedException {
        CoreShare share = new CoreShare();
        Thread.sleep(300);
        assertFalse(share.getAsBoolean(), "300 ms asleep");
    }
}
