package org.polisi.forms.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNamesTest {

    private static String nfd(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD);
    }

    @ParameterizedTest(name = "{0} is {1} exactly")
    @CsvSource(delimiter = '|', value = {
        "Áine Murphy|áine murphy",
        "Ŵyn Llŷr|ŵyn llŷr",
        "O’Connor|O'Connor",
        "Mary‑Jane  Smith|mary-jane smith",
        "Ní Bhriain|NÍ BHRIAIN",
        "Gwenllïan ap Dafydd|GWENLLÏAN AP DAFYDD",
        "Zofia Wójcik|ZOFIA WÓJCIK",
        "Nguyễn Thị Minh|nguyễn thị minh",
        "Straße|STRASSE",
    })
    void sameNamesMatchExactlyHoweverTheyAreCasedOrPunctuated(String stored, String typed) {
        assertEquals(NameMatch.EXACT, PersonNames.same(stored, typed));
        assertEquals(NameMatch.EXACT, PersonNames.same(nfd(stored), typed), "NFD stored");
        assertEquals(NameMatch.EXACT, PersonNames.same(stored, nfd(typed)), "NFD typed");
    }

    @ParameterizedTest(name = "{1} finds {0} without accents")
    @CsvSource(delimiter = '|', value = {
        "Áine Ní Bhriain|Aine Ni Bhriain",
        "Ŵyn Llŷr|Wyn Llyr",
        "Łukasz Wróbel|Lukasz Wrobel",
        "Nguyễn Văn Đức|Nguyen Van Duc",
        "Çağrı Yılmaz|Cagri Yilmaz",
    })
    void namesTypedWithoutAccentsAreFoundAndSaidSo(String stored, String typed) {
        assertEquals(NameMatch.WITHOUT_ACCENTS, PersonNames.same(stored, typed));
        assertEquals(NameMatch.WITHOUT_ACCENTS, PersonNames.mentions(typed, "Parent of " + stored + ", Year 3"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Alys Morgan|Bryn Morgan", "Ann|Anna Jones x", "\u200B|\u200B"})
    void differentNamesDoNotMatch(String a, String b) {
        assertEquals(NameMatch.NONE, PersonNames.same(a, b));
    }

    @org.junit.jupiter.api.Test
    void aNameInsideALongerAnswerIsFoundAndInvisibleCharactersAreIgnored() {
        assertEquals(NameMatch.EXACT, PersonNames.mentions("o'connor", "Spoke to Mrs O’Connor at the gate"));
        assertEquals(NameMatch.EXACT, PersonNames.mentions("Siân", "Si\u200Bân Jones"));
        assertEquals(NameMatch.NONE, PersonNames.mentions("   ", "anything"));
    }
}
