package org.polisi.site.problem;

import org.junit.jupiter.api.Test;
import org.polisi.site.Fixtures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every message made of pieces reads as sentences in both languages: tester 4's fault 4 was
 * "... is not in the cy dictionary If it is right, ...", an optional middle piece that carried the
 * first sentence's end. Two kinds of composition are checked:
 * <ul>
 *   <li>Java (the site's and the forms server's problems, log lines and command help): a string
 *   literal that starts a sentence ({@code " If ..."}: a space and a capitalised word) after a
 *   {@code +} must follow a literal that ends one ({@code . ? ! : ;}), or a conditional
 *   {@code (c ? "." : "...?")} whose every branch does;</li>
 *   <li>the interface bundles (site, forms and server, English and Welsh): no placeholder or
 *   lower-case word is followed by a capitalised word that starts a sentence without a separator.</li>
 * </ul>
 */
class ComposedMessagesTest {
    private static final Pattern STARTS_SENTENCE = Pattern.compile("^ [A-Z][a-z]+\\b.*", Pattern.DOTALL);
    private static final Pattern ENDS_SENTENCE = Pattern.compile(".*[.?!:;](\\\\?[\"'’”)])*\\s*$", Pattern.DOTALL);

    @Test
    void everyJavaLiteralThatStartsASentenceFollowsTheEndOfOne() throws IOException {
        List<String> faults = new ArrayList<>();
        Path root = Fixtures.projectRoot();
        for (String module : List.of("site", "forms-server", "forms-contract")) {
            Path sources = root.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    faults.addAll(unseparated(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        assertEquals(List.of(), faults, "a sentence joined to the one before it without its full stop");
    }

    @Test
    void theCheckFindsTheFaultItWasWrittenFor() {
        String before = "problems.warning(\"spelling\", file, line, \"'\" + word + \"' is not in the \" + language\n"
                + "    + \" dictionary\" + (none ? \"\" : \"; did you mean \" + String.join(\", \", s) + \"?\")\n"
                + "    + \" If it is right, add it\");";
        assertEquals(1, unseparated("Proofing.java", before).size(), "the message tester 4 saw");
        assertEquals(List.of(), unseparated("Proofing.java", before.replace("(none ? \"\" :", "(none ? \".\" :")));
        assertEquals(1, unseparated("X.java", "String s = \"the first\" + \" Then the second\";").size());
        assertEquals(1, unseparated("X.java", "String s = reason + \" Write it again\";").size());
        assertEquals(List.of(), unseparated("X.java", "String s = \"the first.\"\n  // why\n  + \" Then the second\";"));
        assertEquals(List.of(), unseparated("X.java", "String s = \"Not \\\"this.\\\" \" + \" Then\";"));
        assertEquals(List.of(), unseparated("X.java", "/* \"a\" + \" Comment\" */ String s = \"x\";"));
    }

    /** Each literal of {@code source} that starts a sentence without the one before it ending, as "file:line: text". */
    static List<String> unseparated(String name, String source) {
        List<Token> tokens = tokens(source);
        List<String> faults = new ArrayList<>();
        for (int i = 2; i < tokens.size(); i++) {
            Token literal = tokens.get(i);
            if (!literal.literal() || !STARTS_SENTENCE.matcher(literal.text()).matches() || !tokens.get(i - 1).is("+")) {
                continue;
            }
            if (!endsSentence(tokens, i - 2)) {
                faults.add(name + ":" + lineOf(source, literal.offset()) + ": \"" + literal.text() + "\"");
            }
        }
        return faults;
    }

    /** Whether the expression ending at token {@code end} ends a sentence, as far as the code shows. */
    private static boolean endsSentence(List<Token> tokens, int end) {
        Token last = tokens.get(end);
        if (last.literal()) {
            return ENDS_SENTENCE.matcher(last.text()).matches();
        }
        if (!last.is(")")) {
            return false;
        }
        int depth = 0;
        int open = -1;
        List<Integer> branchEnds = new ArrayList<>();
        for (int j = end; j >= 0; j--) {
            Token token = tokens.get(j);
            if (token.is(")")) {
                depth++;
            } else if (token.is("(")) {
                depth--;
                if (depth == 0) {
                    open = j;
                    break;
                }
            } else if (depth == 1 && token.is(":")) {
                branchEnds.add(j - 1);
            }
        }
        if (open < 0 || branchEnds.isEmpty()) {
            return false;
        }
        branchEnds.add(end - 1);
        return branchEnds.stream().allMatch(j -> tokens.get(j).literal() && ENDS_SENTENCE.matcher(tokens.get(j).text()).matches());
    }

    private record Token(boolean literal, String text, int offset) {
        boolean is(String symbol) {
            return !literal && text.equals(symbol);
        }
    }

    /** String literals (their text, escapes left as written) and single code characters; comments, text blocks and white space dropped. */
    private static List<Token> tokens(String source) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int close = source.indexOf("*/", i + 2);
                i = close < 0 ? source.length() : close + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int close = source.indexOf("\"\"\"", i + 3);
                i = close < 0 ? source.length() : close + 3;
                tokens.add(new Token(false, "text block", i));
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                tokens.add(new Token(c == '"', source.substring(i + 1, Math.min(j, source.length())), i));
                i = j + 1;
            } else {
                if (!Character.isWhitespace(c)) {
                    tokens.add(new Token(false, String.valueOf(c), i));
                }
                i++;
            }
        }
        return tokens;
    }

    private static int lineOf(String source, int offset) {
        return (int) source.substring(0, offset).chars().filter(ch -> ch == '\n').count() + 1;
    }

    /** A capitalised word that starts a sentence in the bundles' messages, in English or Welsh. */
    private static final Pattern JOINED = Pattern.compile(
            "(\\}|[a-zà-ÿŵŷ0-9’]) (If|You|Your|We|This|Please|Write|Ask|Send|Os|Rydych|Mae|Nid|Bydd|Dyma|Ysgrifennwch|Rhowch"
                    + "|Gallwch|Cysylltwch|Dylai|Ewch|Anfonwch|Gofynnwch)\\b");

    @Test
    void noBundleMessageJoinsTwoSentencesWithoutASeparator() throws IOException {
        Path i18n = Fixtures.projectRoot().resolve("themes/default/i18n");
        List<String> faults = new ArrayList<>();
        try (Stream<Path> files = Files.list(i18n)) {
            List<Path> bundles = files.filter(f -> f.toString().matches(".*_(en|cy)\\.properties")).sorted().toList();
            assertTrue(bundles.size() >= 6, "site, forms and server bundles in both languages: " + bundles);
            for (Path bundle : bundles) {
                Properties messages = new Properties();
                try (InputStream in = Files.newInputStream(bundle)) {
                    messages.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
                messages.stringPropertyNames().stream().sorted().forEach(key -> {
                    String text = messages.getProperty(key);
                    if (JOINED.matcher(text).find()) {
                        faults.add(bundle.getFileName() + ": " + key + "=" + text);
                    }
                });
            }
        }
        assertEquals(List.of(), faults);
        assertTrue(JOINED.matcher("{word} is not in the dictionary If it is right").find(), "the check finds tester 4's kind");
        assertTrue(JOINED.matcher("{reason} Os yw’n gywir").find());
    }
}
