package org.polisi.site.forms.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.polisi.site.forms.FormsFixtures;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.manifest.FormVersion;

/**
 * The session's definition texts, made ahead while JRuby starts (docs/adr/0096): the same text a
 * form's version hashes whether made ahead or by the macro, made once, and no more made ahead than
 * the build's thread had time for.
 */
class FormsSessionTest {

    @Test
    void aTextMadeAheadIsTheTextTheVersionHashesAndIsMadeOnce() throws Exception {
        FormsSchoolContext rumney = FormsFixtures.rumney();
        FormsSession session = new FormsSession(Map.of("rumney", rumney));
        session.prepareWhile(() -> true);
        int checked = 0;
        for (FormDefinition form : rumney.forms().all()) {
            for (String language : rumney.forms().languages()) {
                String ahead = session.definitionText(form, rumney, language);
                assertEquals(FormVersion.definitionText(form, rumney, language), ahead, form.id() + " " + language);
                assertSame(ahead, session.definitionText(form, rumney, language), "made once: " + form.id());
                checked++;
            }
        }
        assertTrue(checked >= 4, "forms checked: " + checked);
    }

    @Test
    void makingAheadStopsAsSoonAsItIsNoLongerWorthIt() throws Exception {
        FormsSchoolContext rumney = FormsFixtures.rumney();
        FormsSession session = new FormsSession(Map.of("rumney", rumney));
        AtomicInteger asked = new AtomicInteger();
        session.prepareWhile(() -> asked.incrementAndGet() <= 2);     // JRuby ready after two texts
        assertEquals(3, asked.get(), "asked before each text, and stopped at the first no");
        FormDefinition any = rumney.forms().all().iterator().next();
        // the rest are still made on demand, the same as ever
        assertEquals(FormVersion.definitionText(any, rumney, "cy"), session.definitionText(any, rumney, "cy"));
    }
}
