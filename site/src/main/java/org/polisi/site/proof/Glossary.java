package org.polisi.site.proof;

import org.polisi.site.problem.Problems;
import org.polisi.site.content.SourceText;
import org.polisi.site.content.YamlSyntax;
import org.polisi.site.problem.ContentException;
import org.polisi.site.problem.Problem;
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
    record Term(String english, String welsh, List<EnglishForm> matches, List<String> firstWords, List<List<List<String>>> accepted,
                List<Avoided> avoided) {
        /**
         * Whether the Welsh text uses the term or a variant: each of its words, in any mutated form,
         * as the start of a word of the text (see {@link Glossary#startsAWord}).
         */
        boolean usedIn(String foldedWelsh) {
            return accepted.stream().anyMatch(form -> form.stream().allMatch(
                    word -> word.stream().anyMatch(start -> startsAWord(foldedWelsh, start))));
        }
    }

    /**
     * An English form of a term, and the text every match of it starts with (its first word), so
     * that a line is searched from that word's first occurrence, not tried at every position.
     */
    record EnglishForm(Pattern pattern, String start) {
        /** Whether the folded English line uses this form. */
        boolean in(String foldedLine) {
            int from = foldedLine.indexOf(start);
            return from >= 0 && pattern.matcher(foldedLine).find(from);     // find(from) still looks behind from
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
        try (java.io.StringReader reader = new java.io.StringReader(SourceText.readStrictly(file))) {
            YamlSyntax.compose(file);    // a slip is reported at its line, as in every YAML file the build reads
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (ContentException e) {
            e.problems().forEach(p -> problems.add(new Problem(p.severity(), "glossary", p.file(), p.line(), p.column(),
                    "the glossary: " + p.message())));
            return EMPTY;
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
                    matchForms.stream().map(f -> new EnglishForm(englishPattern(f), fold(f).split("[\\s-]+")[0])).toList(),
                    matchForms.stream().map(f -> fold(f).split("[\\s-]+")[0]).distinct().toList(),
                    acceptedForms.stream().map(Glossary::wordStarts).toList(),
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
        String apostrophes = text.replace('’', '\'');
        if (apostrophes.chars().allMatch(c -> c < 0x80)) {
            return apostrophes.toLowerCase(Locale.ROOT);     // ASCII has nothing to decompose (most English lines)
        }
        String decomposed = Normalizer.normalize(apostrophes, Normalizer.Form.NFD);
        StringBuilder unmarked = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(c -> !Words.mark(c)).forEach(unmarked::appendCodePoint);
        return unmarked.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether {@code start} occurs in {@code text} where no letter precedes it: what the expression
     * {@code (?<![\p{L}])start} finds, by plain search (a regular expression per word of a
     * term, run over a whole section for every pair, was a tenth of proofing's CPU).
     */
    static boolean startsAWord(String text, String start) {
        for (int at = text.indexOf(start); at >= 0; at = text.indexOf(start, at + 1)) {
            if (at == 0 || !Character.isLetter(text.charAt(at - 1))) {     // one UTF-16 unit, as the look-behind
                return true;
            }
        }
        return false;
    }

    private static Pattern englishPattern(String phrase) {
        String words = Pattern.quote(fold(phrase)).replace(" ", "\\E[\\s-]+\\Q");
        return Pattern.compile("(?<![\\p{L}])" + words + "(?:s|es|'s)?(?![\\p{L}])");
    }

    /**
     * Each word of a Welsh phrase in all its mutated forms; a text uses the phrase where each word
     * starts a word of the text in one of its forms ({@link #startsAWord}). A phrase is found where
     * all its words are: Welsh word order and grammar often part them ("polisïau gwrth-fwlio ac
     * ymddygiad" for "behaviour policy").
     */
    private static List<List<String>> wordStarts(String phrase) {
        List<List<String>> words = new ArrayList<>();
        for (String word : fold(phrase).split("\\s+")) {
            words.add(Mutations.of(word));
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
