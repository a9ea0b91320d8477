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

    /**
     * The key's fast paths for ASCII (no ICU normalisation, no search of the look-alike lists) give
     * the key the rule defines, checked against the rule written as ICU's NFKC case folding and
     * regular expressions, for every ASCII character alone and for random texts mixing ASCII with
     * look-alikes, Unicode spaces, accents and invisible characters.
     */
    @org.junit.jupiter.api.Test
    void keysOfAsciiAndMixedTextFollowTheRuleAsWrittenInRegularExpressions() {
        for (char c = 0; c < 0x80; c++) {
            String text = "a" + c + "b";
            assertEquals(ruleAsWritten(text), PersonNames.searchKey(text), "U+" + Integer.toHexString(c));
            assertEquals(ruleAsWritten(String.valueOf(c)), PersonNames.searchKey(String.valueOf(c)));
        }
        String alphabet = "AaZz09 \t\n\u000B\f\r\u001C`'-_.,Ee\u00A0\u2019\u2010\u2212\u00C9\u0301\u200B\u2028\u3000\u0141\uFF21";
        java.util.Random random = new java.util.Random(23);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            boolean asciiOnly = random.nextBoolean();
            for (int j = 0; j < length; j++) {
                text.append(asciiOnly ? (char) random.nextInt(0x80) : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertEquals(ruleAsWritten(text.toString()), PersonNames.searchKey(text.toString()), text.toString());
        }
    }

    /** {@link PersonNames#searchKey}'s rule in its plainest form: slow, and independent of its code. */
    private static String ruleAsWritten(String text) {
        String folded = com.ibm.icu.text.Normalizer2.getNFKCCasefoldInstance().normalize(text);
        return folded.replaceAll("[\u2019\u2018\u02BC\u2032\u0060\u00B4\uFF07]", "'")
                .replaceAll("[\u2010\u2011\u2012\u2013\u2212\uFE63\uFF0D]", "-")
                .replaceAll("[\\s\\p{Z}]+", " ")
                .strip();
    }
}
