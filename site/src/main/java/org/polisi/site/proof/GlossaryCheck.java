package org.polisi.site.proof;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Holds the Welsh to the glossary, in two ways:
 * <ul>
 * <li>where English text uses a glossary term, its Welsh counterpart (the same section of the
 *     translated page, the same form text, the same bundle key) must use the Welsh term or a listed
 *     variant;</li>
 * <li>Welsh text must not use a form the glossary says to avoid.</li>
 * </ul>
 * Each deviation is a {@code glossary} finding at the Welsh file and line. The terms are indexed by
 * their first word, so a line is matched only against the few terms it could contain.
 */
final class GlossaryCheck {
    record Finding(Prose where, String message) {
    }

    private final Map<String, List<Glossary.Term>> byFirstEnglishWord = new HashMap<>();
    private final Map<String, String> folded = new java.util.concurrent.ConcurrentHashMap<>();
    /** The avoided-form messages of each distinct Welsh text checked this build. */
    private final Map<String, List<String>> avoidedByText = new java.util.concurrent.ConcurrentHashMap<>();
    /** Avoided forms by the first two letters of their (mutated) first word. */
    private final Map<String, List<Avoided>> avoidedByStart = new HashMap<>();

    private record Avoided(Glossary.Term term, Glossary.Avoided form) {
    }

    GlossaryCheck(Glossary glossary) {
        for (Glossary.Term term : glossary.terms()) {
            term.firstWords().forEach(word -> byFirstEnglishWord.computeIfAbsent(word, w -> new ArrayList<>()).add(term));
            for (Glossary.Avoided avoided : term.avoided()) {
                for (String start : avoided.starts()) {
                    avoidedByStart.computeIfAbsent(prefix(start), p -> new ArrayList<>()).add(new Avoided(term, avoided));
                }
            }
        }
    }

    /** Folding (accents, case) is the costliest step of matching; a line is folded once per build. */
    private String fold(String text) {
        return folded.computeIfAbsent(text, Glossary::fold);
    }

    private static String prefix(String word) {
        return word.length() < 2 ? word : word.substring(0, 2);
    }

    /** The words of a folded text: its runs of letters and apostrophes (what splitting at {@code [^\p{L}']+} gives). */
    static List<String> words(String folded) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int at = 0; at < folded.length(); ) {
            int c = folded.codePointAt(at);
            boolean inWord = c == '\'' || Character.isLetter(c);
            if (inWord && start < 0) {
                start = at;
            } else if (!inWord && start >= 0) {
                words.add(folded.substring(start, at));
                start = -1;
            }
            at += Character.charCount(c);
        }
        if (start >= 0) {
            words.add(folded.substring(start));
        }
        return words;
    }

    List<Finding> counterparts(Counterparts pair) {
        List<Finding> findings = new ArrayList<>();
        if (pair.translated().isEmpty()) {
            return findings;
        }
        String translated = null;
        Set<Glossary.Term> checked = identitySet();    // a record's hashCode would hash all its patterns
        for (Prose source : pair.english()) {
            String line = fold(source.text());
            Set<Glossary.Term> tried = identitySet();
            for (String word : words(line)) {
                for (String candidate : new String[] {word, strip(word, "'s"), strip(word, "es"), strip(word, "s")}) {
                    for (Glossary.Term term : byFirstEnglishWord.getOrDefault(candidate, List.of())) {
                        if (checked.contains(term) || !tried.add(term) || term.matches().stream().noneMatch(m -> m.in(line))) {
                            continue;
                        }
                        checked.add(term);
                        if (translated == null) {
                            translated = String.join("\n", pair.translated().stream().map(p -> fold(p.text())).toList());
                        }
                        if (!term.usedIn(translated)) {
                            findings.add(new Finding(pair.translated().get(0), "the English (" + source.file().getFileName() + ":"
                                    + source.line() + ") says '" + term.english() + "': the Welsh should say '" + term.welsh()
                                    + "' (content/glossary.yml), or a variant listed there"));
                        }
                    }
                }
            }
        }
        return findings;
    }

    private static <T> Set<T> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    private static String strip(String word, String ending) {
        return word.endsWith(ending) && word.length() > ending.length() ? word.substring(0, word.length() - ending.length()) : word;
    }

    /**
     * The avoided forms in a line of Welsh, as findings at that line. What is found depends only on
     * the text, so each distinct text is searched once per build (a template's line is published by
     * every school that adopts it); the findings still name each line.
     */
    List<Finding> avoided(Prose welsh) {
        List<String> messages = avoidedByText.computeIfAbsent(welsh.text(), this::avoided);
        if (messages.isEmpty()) {
            return List.of();
        }
        return messages.stream().map(message -> new Finding(welsh, message)).toList();
    }

    private List<String> avoided(String original) {
        List<String> findings = new ArrayList<>();
        String text = fold(original);
        Set<Glossary.Avoided> seen = identitySet();
        for (String word : words(text)) {
            for (Avoided candidate : avoidedByStart.getOrDefault(prefix(word), List.of())) {
                if (candidate.form().starts().stream().noneMatch(word::startsWith) || !seen.add(candidate.form())) {
                    continue;
                }
                Matcher found = candidate.form().pattern().matcher(text);
                if (found.find()) {
                    findings.add("'" + found.group() + "': content/glossary.yml says to write '"
                            + candidate.term().welsh() + "' for '" + candidate.term().english() + "', not '"
                            + candidate.form().form() + "'");
                }
            }
        }
        return List.copyOf(findings);
    }
}
