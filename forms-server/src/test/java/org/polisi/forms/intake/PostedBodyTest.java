package org.polisi.forms.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PostedBodyTest {

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aValidUtf8FormPostIsDecodedAsTheWhatwgParserDoes() {
        PostedBody body = PostedBody.urlEncoded(bytes("a=Si%C3%A2n+Jones&b=100%25&b=%2B%2b&c"), null);
        assertEquals(Map.of("a", List.of("Siân Jones"), "b", List.of("100%", "++"), "c", List.of("")), body.parameters());
        assertEquals(Set.of(), body.unreadable());
    }

    @Test
    void aPercentNotFollowedByTwoHexDigitsMakesItsFieldUnreadableInsteadOfBeingStoredLiterally() {
        for (String value : List.of("%zz", "100%", "%2", "a%g1", "%%41", "%", "ok%2")) {
            PostedBody body = PostedBody.urlEncoded(bytes("form-lang=cy&parent-name=" + value + "&email=a%40b.org"), null);
            assertEquals(Set.of("parent-name"), body.unreadable(), value);
            assertEquals(Map.of("form-lang", List.of("cy"), "email", List.of("a@b.org")), body.parameters(), value);
        }
        assertEquals(Set.of(FieldError.WHOLE_FORM), PostedBody.urlEncoded(bytes("form-lang=cy&parent%zzname=x"), null)
                .unreadable(), "in a name, the field cannot be told: the whole form");
        assertEquals(Set.of(FieldError.WHOLE_FORM), PostedBody.urlEncoded(bytes("form-lang=cy&n=%zz"),
                "application/x-www-form-urlencoded; charset=klingon").unreadable());
    }

    @Test
    void invalidUtf8NamesTheFieldAndKeepsTheOthers() {
        PostedBody body = PostedBody.urlEncoded(bytes("form-lang=cy&parent-name=Si%C3%28n&email=a%40b.org"),
                "application/x-www-form-urlencoded");
        assertEquals(Set.of("parent-name"), body.unreadable());
        assertEquals(Map.of("form-lang", List.of("cy"), "email", List.of("a@b.org")), body.parameters());
    }

    @Test
    void anUndeclaredLatin1ByteIsRefusedAndADeclaredOneIsRead() {
        assertEquals(Set.of("n"), PostedBody.urlEncoded(bytes("n=Sin%E9ad"), null).unreadable());
        assertEquals(Set.of("n"), PostedBody.urlEncoded(new byte[] {'n', '=', 'S', (byte) 0xE9}, null).unreadable());
        PostedBody declared = PostedBody.urlEncoded(bytes("n=Sin%E9ad&q=O%92Connor"),
                "application/x-www-form-urlencoded; charset=ISO-8859-1");
        assertEquals(Map.of("n", List.of("Sinéad"), "q", List.of("O’Connor")), declared.parameters(),
                "latin1 is windows-1252, as in browsers");
    }

    @Test
    void anUnknownOrNonAsciiCharsetMakesTheWholeFormUnreadable() {
        assertEquals(Set.of(FieldError.WHOLE_FORM),
                PostedBody.urlEncoded(bytes("form-lang=cy&n=x"), "application/x-www-form-urlencoded; charset=klingon").unreadable());
        PostedBody utf16 = PostedBody.urlEncoded(bytes("form-lang=cy&n=x"), "application/x-www-form-urlencoded; charset=UTF-16");
        assertEquals(Set.of(FieldError.WHOLE_FORM), utf16.unreadable());
        assertEquals(List.of("cy"), utf16.parameters().get("form-lang"), "ASCII is still read for the form's language");
    }

    @Test
    void jsonWithALoneSurrogateOrABadByteNamesTheField() {
        PostedBody escaped = PostedBody.json(bytes("{\"form-lang\":\"cy\",\"parent-name\":\"Si\\ud800n\"}"), "application/json")
                .orElseThrow();
        assertEquals(Set.of("parent-name"), escaped.unreadable());
        assertEquals(Map.of("form-lang", List.of("cy")), escaped.parameters());
        byte[] badByte = bytes("{\"parent-name\":\"Si\u00e9n\",\"pupil-names\":[\"ok\"]}");
        assertEquals(Set.of("parent-name"), PostedBody.json(badByte, "application/json").orElseThrow().unreadable());
        assertEquals(Set.of(FieldError.WHOLE_FORM),
                PostedBody.json(bytes("{}"), "application/json; charset=windows-1252").orElseThrow().unreadable());
        assertTrue(PostedBody.json(bytes("{\"a\": {\"b\": 1}}"), "application/json").isEmpty());
    }

    @Test
    void validJsonIsReadAsSent() {
        PostedBody body = PostedBody.json("{\"n\":\"Ŵyn 🙂 <b>\",\"l\":[\"a\",2,true]}".getBytes(StandardCharsets.UTF_8),
                "application/json; charset=utf-8").orElseThrow();
        assertEquals(Map.of("n", List.of("Ŵyn 🙂 <b>"), "l", List.of("a", "2", "true")), body.parameters());
    }
}
