package org.polisi.site;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The command line counts by CLDR's English plural rules: "1 school", never "1 schools". */
class CountedTest {
    @Test
    void oneIsSingularAndEveryOtherNumberPlural() {
        assertEquals("0 items", Counted.of(0, "item", "items"));
        assertEquals("1 item", Counted.of(1, "item", "items"));
        assertEquals("2 items", Counted.of(2, "item", "items"));
        assertEquals("1,204 pages", Counted.of(1204, "page", "pages"));
        assertEquals("1 error keeps", Counted.of(1, "error keeps", "errors keep"));
        assertEquals("3 errors keep", Counted.of(3, "error keeps", "errors keep"));
    }
}
