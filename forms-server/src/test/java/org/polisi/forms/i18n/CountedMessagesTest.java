package org.polisi.forms.i18n;

import com.ibm.icu.text.MessagePattern;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every counted message of the server reads correctly for 0, 1, 2, 3, 6 and 10 in English and in
 * Welsh: the sentences are spelled out in {@code plurals/counted-messages.tsv}, and a message with a
 * plural argument that the fixture does not spell out fails the test (so does a stale line).
 */
class CountedMessagesTest {
    private static final List<Integer> COUNTS = List.of(0, 1, 2, 3, 6, 10);
    /** The text arguments of counted messages, per language; every other argument is the count. */
    private static final Map<String, Map<String, Object>> TEXTS = Map.of(
            "en", Map.of("field", "Name", "name", "Name", "agreement", "Code of conduct", "percent", 50),
            "cy", Map.of("field", "Enw", "name", "Enw", "agreement", "Cod ymddygiad", "percent", 50));
    private final Messages messages = new Messages();

    /** key → language → count → sentence */
    private static Map<String, Map<String, Map<Integer, String>>> expected() throws IOException {
        Map<String, Map<String, Map<Integer, String>>> expected = new TreeMap<>();
        try (InputStream in = CountedMessagesTest.class.getResourceAsStream("/plurals/counted-messages.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", 4);
                expected.computeIfAbsent(cells[0], k -> new TreeMap<>()).computeIfAbsent(cells[1], l -> new TreeMap<>())
                        .put(Integer.parseInt(cells[2]), cells[3]);
            }
        }
        return expected;
    }

    /** The keys whose message has a plural argument, with the names of all its arguments. */
    private static Map<String, Set<String>> countedKeys() {
        Properties english = Messages.load("/i18n/server_en.properties");
        Map<String, Set<String>> counted = new TreeMap<>();
        for (String key : english.stringPropertyNames()) {
            MessagePattern pattern = new MessagePattern(english.getProperty(key));
            Set<String> names = new TreeSet<>();
            boolean plural = false;
            for (int i = 0; i < pattern.countParts(); i++) {
                MessagePattern.Part part = pattern.getPart(i);
                plural |= part.getType() == MessagePattern.Part.Type.ARG_START && part.getArgType() == MessagePattern.ArgType.PLURAL;
                if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                    names.add(pattern.getSubstring(part));
                }
            }
            if (plural) {
                counted.put(key, names);
            }
        }
        return counted;
    }

    /** The message's arguments: the language's text where one is given, the count everywhere else. */
    private static Map<String, Object> arguments(Set<String> names, String language, int count) {
        Map<String, Object> arguments = new TreeMap<>();
        names.forEach(name -> arguments.put(name, TEXTS.get(language).getOrDefault(name, count)));
        return arguments;
    }

    @Test
    void everyCountedMessageReadsAsTheFixtureSpellsItOut() throws IOException {
        Map<String, Map<String, Map<Integer, String>>> expected = expected();
        Map<String, Set<String>> counted = countedKeys();
        assertFalse(counted.isEmpty());
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Set<String>> key : counted.entrySet()) {
            for (String language : List.of("en", "cy")) {
                for (int count : COUNTS) {
                    String sentence = expected.getOrDefault(key.getKey(), Map.of()).getOrDefault(language, Map.of()).get(count);
                    String actual = messages.format(language, key.getKey(), arguments(key.getValue(), language, count));
                    if (!actual.equals(sentence)) {
                        wrong.add(key.getKey() + " " + language + " " + count + ": got '" + actual + "', the fixture says '" + sentence + "'");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theFixtureSpellsOutOnlyCountedMessages() throws IOException {
        Set<String> stale = new TreeSet<>(expected().keySet());
        stale.removeAll(countedKeys().keySet());
        assertEquals(Set.of(), stale);
    }
}
