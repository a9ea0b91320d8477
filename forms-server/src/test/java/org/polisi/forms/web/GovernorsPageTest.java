package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The governors' summary names a category (tester 2, finding 12; the page itself: staff.GovernorSummaryTest). */
class GovernorsPageTest {

    @Test
    void onlyTheCatchAllLosesItsBracketedNote() {
        assertEquals("Something else", GovernorsPage.summaryLabel("other", "Something else (describe it below)"));
        assertEquals("Rhywbeth arall", GovernorsPage.summaryLabel("other", "Rhywbeth arall (disgrifiwch ef isod)"));
        assertEquals("Use of messaging apps (private accounts)",
                GovernorsPage.summaryLabel("messaging-apps", "Use of messaging apps (private accounts)"));
        assertEquals("(describe it)", GovernorsPage.summaryLabel("other", "(describe it)"), "never an empty name");
    }
}
