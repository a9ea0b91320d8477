package org.polisi.forms.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polisi.forms.text.TypedText;

/**
 * A submission's body decoded strictly: bytes that are not valid in the declared charset are
 * refused, never repaired into U+FFFD or "?". The fields they were in are named in {@link
 * #unreadable()} (the whole form, {@link FieldError#WHOLE_FORM}, when the charset itself is not
 * supported or a field's name cannot be read), and left out of {@link #parameters()}.
 *
 * <p>Form posts ({@code application/x-www-form-urlencoded}) are split and percent-decoded as the
 * WHATWG URL Standard's urlencoded parser does, then each value is decoded in the declared charset
 * (UTF-8 when none is declared). One difference: where that parser keeps a {@code %} that is not
 * followed by two hex digits ({@code %zz}, a {@code %} at the end) as it is, this refuses the field
 * (or the whole form, when it is in a name) as unreadable. No browser sends one (it escapes a typed
 * {@code %} as {@code %25}), so it means the body was made or cut by something else, and storing
 * {@code %zz} as if someone had typed it would be a guess. Charset labels are read as the WHATWG Encoding Standard reads
 * them, so {@code iso-8859-1}, {@code latin1} and {@code us-ascii} mean windows-1252, as in every
 * browser. Only charsets that spell ASCII as ASCII can carry a urlencoded body.
 *
 * <p>JSON must be UTF-8 (RFC 8259, section 8.1); a string that spells a lone surrogate
 * ({@code "\ud800"}) is as unreadable as a bad byte.
 */
public record PostedBody(Map<String, List<String>> parameters, Set<String> unreadable, Set<String> causes) {

    /** Why a field could not be read, for the one log line (tester 2, finding 11: name the right one). */
    public static final String BAD_ESCAPE = "a percent escape not followed by two hex digits";
    public static final String BAD_BYTES = "bytes not valid in its charset";
    public static final String UNUSABLE_CHARSET = "a charset that cannot carry a form";
    public static final String LONE_SURROGATE = "a lone surrogate";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Stands for undecodable input: a lone low surrogate, which valid input can never produce. */
    private static final String UNREADABLE_MARK = "\uDFFF";
    private static final Set<String> WINDOWS_1252_LABELS = Set.of("iso-8859-1", "iso8859-1", "latin1", "l1",
            "us-ascii", "ascii", "iso_8859-1", "cp819", "ibm819", "windows-1252", "cp1252", "x-cp1252");

    /**
     * @param causes why the {@code unreadable} fields could not be read ({@link #BAD_ESCAPE}, {@link
     *               #BAD_BYTES}, {@link #UNUSABLE_CHARSET}, {@link #LONE_SURROGATE}); empty when all were read
     */
    public PostedBody {
        parameters = java.util.Collections.unmodifiableMap(parameters);
        unreadable = java.util.Collections.unmodifiableSet(unreadable);
        causes = java.util.Collections.unmodifiableSet(causes);
    }

    /**
     * @param body the raw bytes of a form post
     * @param contentType the request's Content-Type header (its {@code charset} parameter is used);
     *     may be {@code null}
     */
    public static PostedBody urlEncoded(byte[] body, String contentType) {
        Optional<Charset> charset = charset(contentType);
        boolean usable = charset.isPresent() && asciiCompatible(charset.get());
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        Set<String> unreadable = new LinkedHashSet<>();
        Set<String> causes = new LinkedHashSet<>();
        if (!usable) {
            unreadable.add(FieldError.WHOLE_FORM);
            causes.add(UNUSABLE_CHARSET);
        }
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            if (end > start) {
                int equals = indexOf(body, (byte) '=', start);
                int nameEnd = equals >= 0 && equals < end ? equals : end;
                byte[] name = percentDecoded(body, start, nameEnd);
                byte[] value = nameEnd < end ? percentDecoded(body, nameEnd + 1, end) : new byte[0];
                // With a charset we cannot use, only ASCII (the hidden form-id and form-lang) is read.
                Optional<String> decodedName = name == null ? Optional.empty()
                        : usable ? decode(name, charset.get()) : ascii(name);
                Optional<String> decodedValue = value == null ? Optional.empty()
                        : usable ? decode(value, charset.get()) : ascii(value);
                if (decodedName.isEmpty()) {
                    unreadable.add(FieldError.WHOLE_FORM);
                    causes.add(name == null ? BAD_ESCAPE : BAD_BYTES);
                } else if (decodedValue.isEmpty()) {
                    if (usable) {
                        unreadable.add(decodedName.get());
                        causes.add(value == null ? BAD_ESCAPE : BAD_BYTES);
                    }
                } else {
                    parameters.computeIfAbsent(decodedName.get(), key -> new ArrayList<>()).add(decodedValue.get());
                }
            }
            start = end + 1;
        }
        unreadable.forEach(parameters::remove);
        return new PostedBody(parameters, unreadable, causes);
    }

    /**
     * A flat JSON object: strings, numbers and booleans, or arrays of them.
     *
     * @return empty when the body is not such an object (malformed JSON, nesting, nulls in arrays)
     */
    public static Optional<PostedBody> json(byte[] body, String contentType) {
        Optional<Charset> charset = charset(contentType);
        if (charset.isEmpty() || !charset.get().equals(StandardCharsets.UTF_8)) {
            return Optional.of(new PostedBody(Map.of(), Set.of(FieldError.WHOLE_FORM), Set.of(UNUSABLE_CHARSET)));
        }
        String text = decodeMarking(body);
        try {
            JsonNode root = JSON.readTree(text);
            if (root == null || !root.isObject()) {
                return Optional.empty();
            }
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            Set<String> unreadable = new LinkedHashSet<>();
            Set<String> causes = new LinkedHashSet<>();
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
                Optional<List<String>> values = values(entry.getValue());
                if (values.isEmpty()) {
                    return Optional.empty();
                }
                String name = entry.getKey();
                if (TypedText.hasLoneSurrogate(name)) {
                    unreadable.add(FieldError.WHOLE_FORM);
                    causes.add(text.contains(UNREADABLE_MARK) ? BAD_BYTES : LONE_SURROGATE);
                } else if (values.get().stream().anyMatch(TypedText::hasLoneSurrogate)) {
                    unreadable.add(name);
                    causes.add(text.contains(UNREADABLE_MARK) ? BAD_BYTES : LONE_SURROGATE);
                } else {
                    parameters.put(name, values.get());
                }
            }
            return Optional.of(new PostedBody(parameters, unreadable, causes));
        } catch (IOException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<List<String>> values(JsonNode value) {
        List<String> values = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull()) {
                    return Optional.empty();
                }
                values.add(item.asText());
            }
        } else if (value.isValueNode()) {
            if (!value.isNull()) {
                values.add(value.asText());
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(values);
    }

    /**
     * The charset the Content-Type declares: UTF-8 when it declares none; empty when it names one
     * Java does not know.
     */
    static Optional<Charset> charset(String contentType) {
        if (contentType == null) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("charset")) {
                String label = pair[1].strip().replace("\"", "").toLowerCase(Locale.ROOT);
                if (WINDOWS_1252_LABELS.contains(label)) {
                    label = "windows-1252";
                }
                try {
                    return Optional.of(Charset.forName(label));
                } catch (IllegalArgumentException unknown) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(StandardCharsets.UTF_8);
    }

    private static boolean asciiCompatible(Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {   // every browser's: known, and asked on every post
            return true;
        }
        String printable = "%&+=-.09AZ_az~";
        return charset.canEncode() && new String(printable.getBytes(StandardCharsets.US_ASCII), charset).equals(printable);
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return bytes.length;
    }

    /**
     * WHATWG percent-decode, with '+' as space; null when a '%' is not followed by two hex digits
     * (the WHATWG parser would keep it as it is: see the class comment).
     */
    private static byte[] percentDecoded(byte[] bytes, int from, int to) {
        // into an array of the most it can take: a ByteArrayOutputStream locks once per byte
        byte[] out = new byte[to - from];
        int length = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                out[length++] = ' ';
            } else if (b != '%') {
                out[length++] = b;
            } else if (i + 2 < to && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out[length++] = (byte) (hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                return null;
            }
        }
        return length == out.length ? out : Arrays.copyOf(out, length);
    }

    /** The value of an ASCII hex digit, or -1 (as {@code Character.digit(b, 16)} for a byte). */
    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static Optional<String> decode(byte[] bytes, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && allAscii(bytes)) {
            // ASCII is valid UTF-8 and decodes to the same characters: no decoder to make (most answers are ASCII)
            return Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean allAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20) {
                return Optional.empty();
            }
        }
        return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
    }

    /** UTF-8 with every malformed sequence replaced by {@link #UNREADABLE_MARK}, so the field holding it is known. */
    private static String decodeMarking(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(UNREADABLE_MARK);
        try {
            CharBuffer decoded = decoder.decode(ByteBuffer.wrap(bytes));
            return decoded.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder reported an error", e);
        }
    }
}
