package org.polisi.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile HTTP requests, as raw text for {@link RawHttp}: the kinds an attack on a running server
 * sent (issue 23) and their variants. Broken escapes and control characters in the path and query,
 * paths that leave the site or the host, foreign and malformed {@code Origin}s, unknown charsets,
 * malformed JSON and form bodies, odd methods and method overrides, log-forging and terminal escape
 * sequences. {@link #generate} mixes them, seeded, into as many requests as asked: the same seed
 * gives the same requests, so a failure can be replayed.
 */
public final class HostileRequests {

    static final String[] PATHS = {
        "/testschool/%u002e%u002e/x", "/%u002e", "/testschool/en/%u0000", "/%", "/%%", "/%zz", "/%c0%ae%c0%ae/",
        "/testschool/../../etc/passwd", "/..%2f..%2fetc/passwd", "/%2e%2e/%2e%2e/", "//evil.example/x",
        "/\\evil.example/", "/testschool/en/%00.html", "/x%0aFAKE LOG LINE", "/x%0d%0aSet-Cookie:%20a=b",
        "/%1b[31mred%1b[0m", "/%e2%80%a8", "/%ff%fe", "/testschool/cy/%ED%A0%80", "/forms/testschool/received/%u0041",
        "/staff/submissions/%u0027", "/staff/submissions/..%2f..%2f", "/?lang=%u00", "/?lang=%ff", "/?%=%",
        "/testschool/en/?q=%0a%0d", "/" + "a".repeat(3000), "/assets/..;/..;/", "/;jsessionid=x", "/testschool;a=b/en/",
    };
    static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO"};
    static final String[] ORIGINS = {
        "http://127.0.0.1:7401.evil.example", "http://localhost:1@evil.example", "null", "http://[::1", "http://%00",
        "http://localhost\r\n", "https://evil.example", "http://localhost:99999", "http://localhost:-1", "file://",
        "http://xn--80ak6aa92e.com", "javascript:alert(1)", "http://localhost:7070/..", "\u0000", "http://",
    };
    static final String[] CONTENT_TYPES = {
        "application/x-www-form-urlencoded; charset=klingon", "application/x-www-form-urlencoded; charset=\"utf-7\"",
        "application/x-www-form-urlencoded; charset=", "application/json; charset=x y", "application/json",
        "text/plain; charset=utf-8", "multipart/form-data; boundary=", "multipart/form-data", "application/xml",
        "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=ISO-8859-1; charset=utf-8",
    };
    static final String[] BODIES = {
        "{bad", "{\"a\":", "[1,2", "{\"a\":\"\\ud800\"}", "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
        "a=%zz&b=%u0041", "a=%", "=&=&=", "csrf-token=%0a&email=x%0d%0a&password=", "\u0000\u0001\u0002",
        "email=%1b%5b31m&password=x", "{\"form-language\":\"en\",\"x\":{\"y\":1}}", "--x\r\nbroken", "",
    };
    static final String[] TARGETS = {
        "/forms/testschool/incident-report", "/forms/testschool/images-consent", "/forms/nosuch/form",
        "/forms/testschool/%u0041", "/staff/login", "/staff/logout", "/staff/submissions/X/erase", "/", "/testschool/en/",
    };

    private HostileRequests() {
    }

    /** {@code count} hostile requests, each with {@code Connection: close}, from {@code seed}. */
    public static List<String> generate(int count, long seed) {
        Random random = new Random(seed);
        List<String> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(switch (i % 6) {
                case 0 -> RawHttp.request(pick(random, METHODS), pick(random, PATHS), "", extraHeader(random));
                case 1 -> RawHttp.request("POST", pick(random, TARGETS), pick(random, BODIES),
                        "Content-Type: " + pick(random, CONTENT_TYPES), "Origin: " + pick(random, ORIGINS));
                case 2 -> RawHttp.request("POST", pick(random, TARGETS), pick(random, BODIES),
                        "Content-Type: application/x-www-form-urlencoded", "Referer: " + pick(random, ORIGINS) + "/x");
                case 3 -> RawHttp.request(pick(random, new String[] {"POST", "GET"}), pick(random, TARGETS),
                        pick(random, BODIES), "X-HTTP-Method-Override: " + pick(random, METHODS),
                        "Content-Type: " + pick(random, CONTENT_TYPES));
                case 4 -> RawHttp.get(pick(random, PATHS), "Accept-Language: " + pick(random, new String[] {
                    "cy", "cy-GB;q=x", "\u00ff\u00fe", "*", "en;q=2"}), "Cookie: polisi_staff=" + pick(random, BODIES)
                        .replace("\r", "").replace("\n", ""));
                default -> mutate(random, RawHttp.request("POST", pick(random, TARGETS), pick(random, BODIES),
                        "Content-Type: " + pick(random, CONTENT_TYPES)));
            });
        }
        return requests;
    }

    private static String extraHeader(Random random) {
        return pick(random, new String[] {
            "Accept: application/json", "Accept: text/html", "Range: bytes=0-1,2-3,-1", "If-Modified-Since: yesterday",
            "Transfer-Encoding: gzip", "Expect: 100-continue", "X-Forwarded-For: 1.2.3.4\u0000", "Accept-Charset: klingon",
        });
    }

    /**
     * One character of the request line or the Content-Type line changed: what a fuzzer does blindly
     * (not Content-Length: a body shorter than announced only waits for the idle timeout).
     */
    private static String mutate(Random random, String request) {
        char[] chars = request.toCharArray();
        if (random.nextBoolean() && request.contains("Content-Type: ")) {
            int start = request.indexOf("Content-Type: ") + 14;
            int end = request.indexOf("\r\n", start);
            chars[start + random.nextInt(Math.max(1, end - start))] = (char) random.nextInt(256);
            return new String(chars);
        }
        int end = Math.max(1, request.indexOf("\r\n"));
        int at = random.nextInt(end);
        chars[at] = (char) random.nextInt(256);
        return new String(chars);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
