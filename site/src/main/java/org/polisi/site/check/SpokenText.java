package org.polisi.site.check;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.polisi.site.theme.Messages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds English interface words where a browser or screen reader speaks them on a page in another
 * language: the {@code <title>} (with its "Error:" prefix), {@code aria-label}, {@code title},
 * {@code alt}, {@code placeholder}, a button's text and an input button's {@code value}. A text
 * counts as English when it is one of the English bundles' messages (placeholders standing for
 * anything) and differs from the page language's message for the same key. An element marked
 * {@code lang="en"} (the language toggle's "English") is English on purpose.
 */
final class SpokenText {
    private static final List<String> ATTRIBUTES = List.of("aria-label", "title", "alt", "placeholder");
    private static final Pattern ARGUMENT = Pattern.compile("\\{[^{}]*}");
    /** Where a page's title joins its parts ("Contents – School", "Error: ..."); compiled once, not per page as {@code String.split} did. */
    private static final Pattern TITLE_PARTS = Pattern.compile(" [–:|-] |: ");

    /** English message (as a pattern) → its key, for the messages that the other language words differently. */
    private final Map<Pattern, String> english = new HashMap<>();
    /** What {@link #englishKey} answered for each text, shared by the groups checked in parallel. */
    private final Map<String, Optional<String>> answers = new ConcurrentHashMap<>();

    SpokenText(Messages englishMessages, Messages pageMessages) {
        englishMessages.all().forEach((key, text) -> {
            String translated = pageMessages.all().get(key);
            if (translated != null && !translated.equals(text) && !text.contains("plural") && text.strip().length() > 1) {
                english.put(pattern(text), key);
            }
        });
    }

    /** "Error:" or "Error: {x}" becomes a pattern that matches the words with anything for each argument. */
    private static Pattern pattern(String message) {
        StringBuilder regex = new StringBuilder();
        int last = 0;
        var argument = ARGUMENT.matcher(message);
        while (argument.find()) {
            regex.append(Pattern.quote(message.substring(last, argument.start()))).append(".+");
            last = argument.end();
        }
        regex.append(Pattern.quote(message.substring(last)));
        return Pattern.compile(regex.toString().strip(), Pattern.CASE_INSENSITIVE);
    }

    /** The elements whose words are spoken besides the title, as one query. */
    static final String SPOKEN_QUERY = "[aria-label], [title], [alt], [placeholder], button, input[type=submit], input[type=button], input[type=reset]";
    /** {@link #SPOKEN_QUERY}, parsed once (matched element by element in {@link PageElements}). */
    static final Evaluator SPOKEN = QueryParser.parse(SPOKEN_QUERY);

    /** Each place on the page where English interface text would be spoken, described for a problem. */
    List<String> findIn(Document page) {
        return findIn(page.selectFirst("title"), page.select(SPOKEN));
    }

    /**
     * Each place where English interface text would be spoken, described for a problem: in the page's
     * first {@code title} element (null: none) and in {@code elements}, the page's elements that
     * {@link #SPOKEN} selects, in document order.
     */
    List<String> findIn(Element title, List<Element> elements) {
        List<String> found = new ArrayList<>();
        if (title != null) {
            for (String part : TITLE_PARTS.split(title.text())) {
                check("<title>", part, found);
            }
            check("<title>", title.text(), found);
        }
        for (Element element : elements) {
            if (english(element)) {
                continue;
            }
            for (String attribute : ATTRIBUTES) {
                if (element.hasAttr(attribute)) {
                    check(element.tagName() + " " + attribute, element.attr(attribute), found);
                }
            }
            if (element.tagName().equals("button")) {
                check("button", element.text(), found);
            } else if (element.tagName().equals("input") && element.hasAttr("value")) {
                check("input value", element.attr("value"), found);
            }
        }
        return found;
    }

    private void check(String where, String text, List<String> found) {
        String spoken = text.strip();
        if (spoken.isEmpty()) {
            return;
        }
        englishKey(spoken).ifPresent(key -> found.add(where + " '" + spoken + "' is the English of " + key));
    }

    /**
     * The first (by name) key whose English message {@code spoken} is, or empty. The pages of a
     * cluster speak the same few texts thousands of times (a toggle's label, a form's button), and
     * each answer costs every message's pattern: each text is matched once per build (ADR 0086).
     */
    private Optional<String> englishKey(String spoken) {
        Optional<String> known = answers.get(spoken);
        if (known == null) {
            known = english.entrySet().stream().filter(message -> message.getKey().matcher(spoken).matches())
                    .map(Map.Entry::getValue).sorted().findFirst();
            answers.putIfAbsent(spoken, known);
        }
        return known;
    }

    private static boolean english(Element element) {
        for (Element at = element; at != null; at = at.parent()) {
            if (at.hasAttr("lang")) {
                return at.attr("lang").toLowerCase(Locale.ROOT).startsWith("en");
            }
        }
        return false;
    }
}
