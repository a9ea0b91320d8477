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

    /** Tester 2, finding 11: each unreadable field's cause is told apart, for the log line. */
    @Test
    void eachCauseOfAnUnreadableFieldIsNamed() {
        assertEquals(Set.of(PostedBody.BAD_ESCAPE), PostedBody.urlEncoded(bytes("form-id=%zz&n=x"), null).causes());
        assertEquals(Set.of(PostedBody.BAD_ESCAPE), PostedBody.urlEncoded(bytes("n=ab%"), null).causes());
        assertEquals(Set.of(PostedBody.BAD_ESCAPE), PostedBody.urlEncoded(bytes("n%zz=ab"), null).causes());
        assertEquals(Set.of(PostedBody.BAD_BYTES), PostedBody.urlEncoded(bytes("n=Si%C3%28n"), null).causes());
        assertEquals(Set.of(PostedBody.BAD_BYTES, PostedBody.BAD_ESCAPE),
                PostedBody.urlEncoded(bytes("n=Si%C3%28n&m=%zz"), null).causes());
        assertEquals(Set.of(PostedBody.UNUSABLE_CHARSET), PostedBody.urlEncoded(bytes("n=x"),
                "application/x-www-form-urlencoded; charset=UTF-16").causes());
        assertEquals(Set.of(), PostedBody.urlEncoded(bytes("n=100%25"), null).causes());
    }

    @Test
    void jsonWithALoneSurrogateOrABadByteNamesTheField() {
        PostedBody escaped = PostedBody.json(bytes("{\"form-lang\":\"cy\",\"parent-name\":\"Si\\ud800n\"}"), "application/json")
                .orElseThrow();
        assertEquals(Set.of("parent-name"), escaped.unreadable());
        assertEquals(Set.of(PostedBody.LONE_SURROGATE), escaped.causes());
        assertEquals(Map.of("form-lang", List.of("cy")), escaped.parameters());
        assertEquals(Set.of(PostedBody.BAD_BYTES), PostedBody.json(bytes("{\"parent-name\":\"Si\u00e9n\"}"),
                "application/json").orElseThrow().causes());
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

    /**
     * Whatever a browser sends round-trips: random names and values (ASCII, Welsh and other
     * letters, '+', '%', '&', '=', emoji) percent-encoded as a browser does, with upper or lower
     * case hex digits and with or without a declared UTF-8 charset, are read back exactly. This
     * guards the decoder's fast paths for ASCII answers and UTF-8 (issue 23's intake profile).
     */
    @Test
    void randomAnswersEncodedAsABrowserDoesAreReadBackExactly() {
        String alphabet = "abcXYZ019 +%&=-_.~*'()ŵŷâÂïñł€\u00e9\u0301\u200B\uD83D\uDE00\t\r\n";
        java.util.Random random = new java.util.Random(23);
        for (int i = 0; i < 5_000; i++) {
            Map<String, List<String>> sent = new java.util.LinkedHashMap<>();
            StringBuilder body = new StringBuilder();
            int fields = 1 + random.nextInt(6);
            for (int f = 0; f < fields; f++) {
                String name = "f" + f + text(random, alphabet, 4);
                String value = text(random, alphabet, 30);
                sent.computeIfAbsent(name, key -> new java.util.ArrayList<>()).add(value);
                if (body.length() > 0) {
                    body.append('&');
                }
                body.append(encoded(name, random)).append('=').append(encoded(value, random));
            }
            String contentType = random.nextBoolean() ? null : "application/x-www-form-urlencoded; charset=UTF-8";
            PostedBody read = PostedBody.urlEncoded(bytes(body.toString()), contentType);
            assertEquals(sent, read.parameters(), body.toString());
            assertEquals(Set.of(), read.unreadable(), body.toString());
        }
    }

    private static String text(java.util.Random random, String alphabet, int most) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(most + 1);
        for (int i = 0; i < length; i++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            if (Character.isHighSurrogate(c)) {
                text.append("\uD83D\uDE00");
            } else if (!Character.isLowSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }

    /** As a browser's form post: UTF-8, percent-encoded, space as '+', hex digits in either case. */
    private static String encoded(String text, java.util.Random random) {
        String encoded = java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
        if (random.nextBoolean()) {
            StringBuilder lower = new StringBuilder(encoded);
            for (int i = 0; i < lower.length(); i++) {
                if (lower.charAt(i) == '%') {
                    lower.setCharAt(i + 1, Character.toLowerCase(lower.charAt(i + 1)));
                    lower.setCharAt(i + 2, Character.toLowerCase(lower.charAt(i + 2)));
                }
            }
            encoded = lower.toString();
        }
        return encoded;
    }
}
