package org.polisi.site.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    /*
     * The school's settings are part of each page's hash, as text, and so of its forms' versions:
     * the text must not depend on the order the languages were read in, nor on the JVM's run
     * (Map.copyOf iterates in a per-run order, which gave every form a new version at every build).
     */
    @Test
    void aSettingReadsTheSameWhateverOrderItsLanguagesCameIn() {
        Map<String, String> englishFirst = new LinkedHashMap<>();
        englishFirst.put("en", "Rumney Primary School");
        englishFirst.put("cy", "Ysgol Gynradd Rumney");
        Map<String, String> welshFirst = new LinkedHashMap<>();
        welshFirst.put("cy", "Ysgol Gynradd Rumney");
        welshFirst.put("en", "Rumney Primary School");

        LocalizedText one = LocalizedText.of(englishFirst);
        LocalizedText other = LocalizedText.of(welshFirst);

        assertEquals(List.of("cy", "en"), List.copyOf(one.byLanguage().keySet()));
        assertEquals(one.toString(), other.toString());
        assertEquals("LocalizedText[byLanguage={cy=Ysgol Gynradd Rumney, en=Rumney Primary School}, everyLanguage=null]",
                one.toString());
    }
}
