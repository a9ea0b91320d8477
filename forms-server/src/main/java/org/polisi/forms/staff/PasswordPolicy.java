package org.polisi.forms.staff;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.matching.match.RepeatMatch;
import me.gosimple.nbvcxz.matching.match.SequenceMatch;
import me.gosimple.nbvcxz.matching.match.SpacialMatch;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;

/**
 * The checks NIST SP 800-63B (§3.1.1.2, rev. 4) asks of a new password, and nothing more (no
 * composition rules, no expiry): at least {@link #MINIMUM_LENGTH} characters (the minimum for a
 * password used as a single factor), at most {@link #MAXIMUM_LENGTH}; not one of the 100,000
 * commonly used passwords nbvcxz ships (ADR 0026); and not guessable for being made of repeated or
 * sequential characters, a keyboard pattern, common words, or the account holder's own name,
 * e-mail address or school (nbvcxz's estimate below {@link #MINIMUM_ENTROPY_BITS} bits).
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 15;
    public static final int MAXIMUM_LENGTH = 256;
    /** Below this nbvcxz estimate a password falls to an offline guessing attack in hours (nbvcxz's README). */
    static final double MINIMUM_ENTROPY_BITS = 40;

    private static final Set<String> COMMON = ConfigurationBuilder.getDefaultDictionaries().stream()
            .filter(dictionary -> dictionary.getDictionaryName().equals("passwords"))
            .flatMap(dictionary -> dictionary.getDictonary().keySet().stream())
            .map(word -> word.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());

    /**
     * What is wrong with a new password, in words for the person choosing it (English: the command
     * line is the operator's); empty when it is acceptable.
     *
     * @param password the password exactly as typed
     * @param context  words that must not carry the password: the holder's name, e-mail address,
     *                 school id, the service's name
     */
    public List<String> problems(String password, Collection<String> context) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            return List.of("a password is needed");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MINIMUM_LENGTH) {
            problems.add("it must be at least " + MINIMUM_LENGTH + " characters long (a few unrelated words make a good one)");
        }
        if (length > MAXIMUM_LENGTH) {
            problems.add("it must be at most " + MAXIMUM_LENGTH + " characters long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || COMMON.contains(lower.replaceAll("\\s+", ""))) {
            problems.add("it is on a list of commonly used passwords");
        }
        if (problems.isEmpty()) {
            var result = estimator(context).estimate(password);
            if (result.getEntropy() < MINIMUM_ENTROPY_BITS) {
                problems.add("it is too easy to guess: it is made of " + weaknesses(result.getMatches()));
            }
        }
        return problems;
    }

    /** Words of the service itself, which no password should be built on. */
    private static final List<String> SERVICE_WORDS = List.of("polisi", "policy", "school", "ysgol");
    /** Words that make a password a common one in any form, the Welsh among them (nbvcxz's list is English). */
    private static final List<String> PASSWORD_WORDS = List.of("password", "cyfrinair");
    private static final String HOLDER = "holder";
    private static final String SERVICE = "service";
    private static final String NBVCXZ_PASSWORDS = "passwords";
    private static final String PASSWORD_WORD = "password-words";

    private static Nbvcxz estimator(Collection<String> context) {
        Set<String> words = new LinkedHashSet<>();
        for (String each : context) {
            if (each == null) {
                continue;
            }
            for (String word : each.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= 3) {
                    words.add(word);
                }
            }
        }
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        dictionaries.add(dictionary(HOLDER, words));
        dictionaries.add(dictionary(SERVICE, SERVICE_WORDS));
        dictionaries.add(dictionary(PASSWORD_WORD, PASSWORD_WORDS));
        return new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries)
                .setMinimumEntropy(MINIMUM_ENTROPY_BITS).createConfiguration());
    }

    private static Dictionary dictionary(String name, Collection<String> words) {
        DictionaryBuilder own = new DictionaryBuilder().setDictionaryName(name).setExclusion(true);
        words.forEach(word -> own.addWord(word, 0));
        return own.createDictionary();
    }

    /**
     * What nbvcxz found the password made of, in words that say which part is weak: each kind of
     * match once, in the order found, and "the same part more than once" when a part repeats (nbvcxz
     * reports {@code passwordpassword1} as two matches of one common password, not as a repeat).
     * (A word used twice: separators and the like may repeat freely.)
     */
    static String weaknesses(List<Match> matches) {
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> parts = new java.util.HashSet<>();
        for (Match match : matches) {
            if (match instanceof RepeatMatch) {
                kinds.add("repeated characters");
            } else if (match instanceof SequenceMatch) {
                kinds.add("a run of characters such as abcd or 1234");
            } else if (match instanceof SpacialMatch) {
                kinds.add("a keyboard pattern");
            } else if (match instanceof DictionaryMatch dictionary) {
                kinds.add(switch (dictionary.getDictionaryName()) {
                    case NBVCXZ_PASSWORDS, PASSWORD_WORD -> "a commonly used password";
                    case HOLDER -> "your name, e-mail address or school";
                    case SERVICE -> "this service's name";
                    default -> "common words or names";
                });
            }
            if (match instanceof DictionaryMatch && !parts.add(match.getToken().toLowerCase(Locale.ROOT))) {
                kinds.add("the same part more than once");
            }
        }
        kinds.add("too few unpredictable characters");
        return String.join(", ", kinds);
    }
}
