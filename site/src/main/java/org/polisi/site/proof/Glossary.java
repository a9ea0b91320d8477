package org.polisi.site.proof;

import org.polisi.site.problem.Problems;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code content/glossary.yml} as the build enforces it. Each entry gives the English term
 * ({@code en}), the Welsh term to use ({@code cy}) and optionally:
 * <ul>
 * <li>{@code match}: the English forms that call for the Welsh term; without it, the {@code en}
 *     term itself when it is a plain phrase (no brackets, no slash);</li>
 * <li>{@code variants}: other Welsh forms that are accepted (plurals, verb forms, a fuller phrase);</li>
 * <li>{@code avoid}: Welsh forms that must not be used for it (an older or rival term).</li>
 * </ul>
 * Welsh forms are matched in any of their mutated forms ({@link Mutations}), without regard to
 * case or accents, and as the start of a word ("polisi" finds "polisïau"). An avoided form is found
 * as a phrase; an accepted term where each of its words is.
 */
final class Glossary {
    static final Glossary EMPTY = new Glossary(List.of());

    /**
     * @param firstWords the first word of each English form, folded: a line without one of them
     *                   cannot use the term, so its patterns need not run
     */
    record Term(String english, String welsh, List<Pattern> matches, List<String> firstWords, List<List<Pattern>> accepted,
                List<Avoided> avoided) {
        /** Whether the Welsh text uses the term or a variant: each of its words, in any mutated form. */
        boolean usedIn(String foldedWelsh) {
            return accepted.stream().anyMatch(words -> words.stream().allMatch(word -> word.matcher(foldedWelsh).find()));
        }
    }

    /** @param starts the avoided form's first word in each of its mutated forms: a word of the text starts with one */
    record Avoided(String form, Pattern pattern, List<String> starts) {
    }

    private final List<Term> terms;

    private Glossary(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    List<Term> terms() {
        return terms;
    }

    static Glossary read(Path file, Problems problems) {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        Object loaded;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (YAMLException e) {
            problems.error("glossary", file, 0, "the glossary is not valid YAML: " + e.getMessage());
            return EMPTY;
        }
        if (!(loaded instanceof List<?> entries)) {
            return EMPTY;
        }
        List<Term> terms = new ArrayList<>();
        for (Object item : entries) {
            if (!(item instanceof Map<?, ?> entry) || !(entry.get("en") instanceof String english)
                    || !(entry.get("cy") instanceof String welsh)) {
                continue;
            }
            List<String> matchForms = strings(entry.get("match"));
            if (matchForms.isEmpty() && !english.matches(".*[()/].*")) {
                matchForms = List.of(english);
            }
            List<String> acceptedForms = new ArrayList<>(List.of(welsh));
            acceptedForms.addAll(strings(entry.get("variants")));
            terms.add(new Term(english, welsh,
                    matchForms.stream().map(Glossary::englishPattern).toList(),
                    matchForms.stream().map(f -> fold(f).split("[\\s-]+")[0]).distinct().toList(),
                    acceptedForms.stream().map(Glossary::wordPatterns).toList(),
                    strings(entry.get("avoid")).stream()
                            .map(f -> new Avoided(f, welshPattern(f), Mutations.of(fold(f).split("\\s+")[0]))).toList()));
        }
        return new Glossary(terms);
    }

    private static List<String> strings(Object value) {
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    /** Folds case and accents, and writes ’ as ', for matching. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.replace('’', '\''), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private static Pattern englishPattern(String phrase) {
        String words = Pattern.quote(fold(phrase)).replace(" ", "\\E[\\s-]+\\Q");
        return Pattern.compile("(?<![\\p{L}])" + words + "(?:s|es|'s)?(?![\\p{L}])");
    }

    /**
     * One pattern per word of a Welsh phrase, each in any mutated form and as the start of a word.
     * A phrase is found where all its words are: Welsh word order and grammar often part them
     * ("polisïau gwrth-fwlio ac ymddygiad" for "behaviour policy").
     */
    private static List<Pattern> wordPatterns(String phrase) {
        List<Pattern> words = new ArrayList<>();
        for (String word : fold(phrase).split("\\s+")) {
            words.add(Pattern.compile("(?<![\\p{L}])(?:" + Mutations.of(word).stream().map(Pattern::quote)
                    .collect(Collectors.joining("|")) + ")\\p{L}*"));
        }
        return words;
    }

    private static Pattern welshPattern(String phrase) {
        String[] words = fold(phrase).split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}])(?:");
        regex.append(Mutations.of(words[0]).stream().map(Pattern::quote).collect(Collectors.joining("|"))).append(")\\p{L}*");
        for (int i = 1; i < words.length; i++) {
            regex.append("[\\s'-]+").append(Pattern.quote(words[i])).append("\\p{L}*");
        }
        return Pattern.compile(regex.toString());
    }

}
