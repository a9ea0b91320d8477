package org.polisi.forms.names;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one name-matching rule of the forms server, built on ICU4J.
 *
 * <p>{@link #searchKey} applies Unicode NFKC case folding (UAX #15 and the Unicode case-folding
 * tables, which also drop default-ignorable characters such as U+200B), treats the apostrophe
 * look-alikes ’ ' ʼ ‘ ′ as one apostrophe and the hyphen look-alikes ‐ ‑ ‒ – − as one hyphen,
 * and collapses every run of white space to one space. {@link #separatorFreeKey} also takes the
 * separators between a name's parts (space, hyphen, full stop…) as one; {@link #particleJoinedKey}
 * also leaves out apostrophes and joins a prefix (O, D, Mc, Mac) to the rest; {@link #mentions} then
 * takes Mac and Mc as one, and last leaves out name particles (Welsh ap, ab, ferch; Gaelic Ní, Nic,
 * Ó, Mac; de, van, le...) and takes ap and ab, ferch and verch as one (ADR 0098). {@link #accentFreeKey} also removes accents
 * (nonspacing marks after canonical decomposition) and applies ICU's {@code Latin-ASCII} transform, so {@code Aine Ni Bhriain} finds
 * {@code Áine Ní Bhriain} and {@code Lukasz} finds {@code Łukasz}. Never compare names with SQL
 * {@code lower()} or {@code LIKE}: SQLite folds ASCII only.
 *
 * <p>All methods are pure and safe to call from any thread; a {@code null} input is treated as
 * the empty string.
 */
public final class PersonNames {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final String APOSTROPHES = "\u2019\u2018\u02BC\u2032\u0060\u00B4\uFF07";
    private static final String HYPHENS = "\u2010\u2011\u2012\u2013\u2212\uFE63\uFF0D";
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    // Transliterator#transliterate(String) keeps no state between calls, but ICU documents only
    // that instances may be shared read-only; one lock keeps that promise simple.
    private static final Transliterator LATIN_ASCII = Transliterator.getInstance("Latin-ASCII");
    /**
     * Latin-ASCII's answer for each code point met so far. The transform runs on case-folded text
     * one letter at a time (its rules that look at neighbours only concern capitals), and running it
     * on whole answers cost about a millisecond each: a subject access search reads every answer.
     */
    private static final Map<Integer, String> LATIN_ASCII_BY_CODE_POINT = new ConcurrentHashMap<>();

    private PersonNames() {
    }

    /**
     * The exact search key of a name.
     *
     * @param name a name or any text as typed; may be {@code null}
     * @return the NFKC case-folded text with apostrophes and hyphens unified and white space
     *     collapsed and trimmed; empty for {@code null} or a name of only invisible characters
     */
    public static String searchKey(String name) {
        if (name == null) {
            return "";
        }
        // NFKC case folding of ASCII text is lower-casing A-Z (PersonNamesTest checks every character)
        String folded = ascii(name) ? name.toLowerCase(Locale.ROOT) : NFKC_CASEFOLD.normalize(name);
        // One pass instead of three regular expressions: a search folds every stored answer.
        StringBuilder key = new StringBuilder(folded.length());
        boolean spaceBefore = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (space(c)) {
                spaceBefore = true;
                continue;
            }
            if (spaceBefore && key.length() > 0) {
                key.append(' ');
            }
            spaceBefore = false;
            key.append(unified(c));
        }
        return key.toString().strip();
    }

    /**
     * The character with apostrophe and hyphen look-alikes unified. ASCII is answered without a
     * search of the two lists (the grave accent is the only look-alike in it): every submission's
     * answers are keyed, most of them ASCII (issue 23's intake profile).
     */
    private static char unified(char c) {
        if (c < 0x80) {
            return c == '`' ? '\'' : c;
        }
        return APOSTROPHES.indexOf(c) >= 0 ? '\'' : HYPHENS.indexOf(c) >= 0 ? '-' : c;
    }

    private static boolean space(char c) {
        if (c < 0x80) {   // regex \s; no other ASCII character is of category Z
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * The search key with accents and letter variants set aside (ł → l, ŵ → w, đ → d).
     *
     * @param name as for {@link #searchKey}
     * @return the accent-free key, lower case
     */
    public static String accentFreeKey(String name) {
        return accentFreeOfKey(searchKey(name));
    }

    /** The accent-free key of a search key: decomposed, nonspacing marks removed, Latin-ASCII, NFC. */
    private static String accentFreeOfKey(String key) {
        if (ascii(key)) {
            return key;
        }
        String decomposed = NFD.normalize(key);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(codePoint -> {
            if (codePoint < 0x80) {
                stripped.append((char) codePoint);
            } else if (UCharacter.getType(codePoint) != UCharacterCategory.NON_SPACING_MARK) {
                stripped.append(LATIN_ASCII_BY_CODE_POINT.computeIfAbsent(codePoint, PersonNames::latinAscii));
            }
        });
        return searchKey(NFC.normalize(stripped));
    }

    private static String latinAscii(int codePoint) {
        synchronized (LATIN_ASCII) {
            return LATIN_ASCII.transliterate(new String(Character.toChars(codePoint)));
        }
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * The characters that separate the parts of a name, taken as one by {@link #separatorFreeKey}:
     * white space (already one space in a key), the hyphen (its look-alikes already unified), the
     * low line, the full stop, the comma, the solidus and the middle dot. Not the apostrophe, which
     * belongs to the name (O'Brien, Bryn'r Efail).
     */
    private static final String SEPARATORS = "-_.,/\u00B7";

    /**
     * The accent-free key with every run of separators (see {@link #SEPARATORS}) made one space, so
     * that {@code Ann Marie}, {@code ann-marie} and {@code Ann - Marie} have one key.
     *
     * @param name as for {@link #searchKey}
     * @return the key; empty for a name of separators alone
     */
    public static String separatorFreeKey(String name) {
        return separatorFreeOfKey(accentFreeKey(name));
    }

    private static String separatorFreeOfKey(String accentFree) {
        StringBuilder key = new StringBuilder(accentFree.length());
        boolean separated = false;
        for (int i = 0; i < accentFree.length(); i++) {
            char c = accentFree.charAt(i);
            if (c == ' ' || SEPARATORS.indexOf(c) >= 0) {
                separated = key.length() > 0;
                continue;
            }
            if (separated) {
                key.append(' ');
                separated = false;
            }
            key.append(c);
        }
        return key.toString();
    }

    /**
     * The parts of a name after which the space is left out by {@link #particleJoinedKey}: a part
     * of one letter (the O of O Brien, the D of D Arcy) and the Gaelic prefixes Mc and Mac.
     */
    private static final java.util.Set<String> JOINED_PARTS = java.util.Set.of("mc", "mac");

    /**
     * The separator-free key with apostrophes left out and a prefix joined to the part after it:
     * {@code O'Brien}, {@code OBrien}, {@code O Brien} and {@code O’ Brien} all have the key
     * {@code obrien}, and {@code Mc Donald} the key of {@code McDonald}. Two parts of two letters or
     * more are never run together ({@code annmarie} stays another name than {@code Ann-Marie}, ADR
     * 0089); a prefix is a part of one letter, {@code Mc} or {@code Mac} (ADR 0094).
     *
     * @param name as for {@link #searchKey}
     * @return the key, parts separated by one space
     */
    public static String particleJoinedKey(String name) {
        return particleJoinedOfFree(accentFreeKey(name));
    }

    private static String particleJoinedOfFree(String accentFree) {
        String[] parts = separatorFreeOfKey(accentFree.replace("'", "")).split(" ");
        StringBuilder key = new StringBuilder(accentFree.length());
        for (int i = 0; i < parts.length; i++) {
            key.append(parts[i]);
            boolean prefix = parts[i].codePointCount(0, parts[i].length()) == 1 || JOINED_PARTS.contains(parts[i]);
            if (i + 1 < parts.length && !prefix) {
                key.append(' ');
            }
        }
        return key.toString();
    }

    /** The particle-joined key with Mac at the start of a part written Mc: MacDonald is McDonald. */
    private static String mcOfJoined(String joined) {
        StringBuilder key = new StringBuilder(joined.length());
        for (String part : joined.split(" ", -1)) {
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(part.startsWith("mac") ? "mc" + part.substring(3) : part);
        }
        return key.toString();
    }

    /**
     * Name particles: words that link a given name to a father's, mother's or family's name and that
     * people write, leave out or change from one record to the next, as accent-free keys. Welsh
     * {@code ap} and {@code ab} ("son of"; ab before a vowel), {@code fab} (the fuller form), {@code
     * ferch}, {@code verch} and {@code erch} ("daughter of"); Irish and Scottish Gaelic {@code Ní},
     * {@code Nic} and {@code Mhic} ("daughter of"), {@code Ua} and {@code Uí} ("descendant of"),
     * {@code Mag} (Mac before a vowel); and the Norman, Romance, Dutch and German particles found in
     * names in the UK ({@code de}, {@code le}, {@code van}, {@code von}...). Mac, Mc and Ó are
     * particles too, handled apart: see {@link #particleFreeOfFree}. Sources and what was left out:
     * ADR 0098.
     */
    private static final java.util.Set<String> PARTICLES = java.util.Set.of(
            "ap", "ab", "fab", "ferch", "verch", "erch",
            "ni", "nic", "mhic", "ua", "ui", "mag",
            "de", "del", "della", "der", "den", "di", "da", "du", "dos", "das", "le", "la", "van", "von", "ter",
            "ten", "zu");

    /** The Gaelic prefixes that {@link #particleFreeOfFree} leaves out as well when asked to: Ó (o), Mac, Mc. */
    private static final java.util.Set<String> GAELIC_PREFIXES = java.util.Set.of("o", "mac", "mc");

    /**
     * The key of the loosest match, {@link NameMatch#WITHOUT_PARTICLES}: the words of the
     * accent-free key with every {@link #PARTICLES particle} that has another word after it left
     * out (a particle comes before the name it links: a last word is a name, as Vietnamese Le is),
     * and Mac at the start of a word written Mc. Two readings, each tried on both sides alike:
     * <ul>
     *   <li>{@code gaelicPrefixesToo == false}: as {@link #particleJoinedKey}, apostrophes are left
     *       out and a part of one letter, Mc or Mac is joined to the part after it (O Briain is
     *       obriain, Mac Donald is mcdonald);
     *   <li>{@code true}: an apostrophe separates parts, and Ó, Mac and Mc written as words of their
     *       own are left out like the other particles (Seán Ó Briain and Seán O'Brien are sean
     *       briain and sean brien; Ewan Mac Donald is ewan donald); other parts of one letter are
     *       joined as before (D'Arcy is darcy).
     * </ul>
     * A prefix joined in writing (OBrien, MacDonald, NicDhòmhnaill) is one word and stays. Each
     * word of the key is a run of the accent-free key without spaces, apostrophes and separators
     * (what {@link #siftPiece} relies on): parts are joined before particles are left out.
     */
    private static String particleFreeOfFree(String accentFree, boolean gaelicPrefixesToo) {
        String[] parts = separatorFreeOfKey(gaelicPrefixesToo ? accentFree.replace('\'', ' ')
                : accentFree.replace("'", "")).split(" ");
        java.util.List<String> words = new java.util.ArrayList<>(parts.length);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            word.append(parts[i]);
            boolean oneLetter = parts[i].codePointCount(0, parts[i].length()) == 1;
            boolean joins = gaelicPrefixesToo ? oneLetter && !GAELIC_PREFIXES.contains(parts[i])
                    : oneLetter || JOINED_PARTS.contains(parts[i]);
            if (i + 1 < parts.length && joins) {
                continue;
            }
            words.add(word.toString());
            word.setLength(0);
        }
        StringBuilder key = new StringBuilder(accentFree.length());
        for (int i = 0; i < words.size(); i++) {
            String each = words.get(i);
            boolean particle = PARTICLES.contains(each) || gaelicPrefixesToo && GAELIC_PREFIXES.contains(each);
            if (particle && i + 1 < words.size()) {
                continue;
            }
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(each.startsWith("mac") ? "mc" + each.substring(3) : each);
        }
        return key.toString();
    }

    /**
     * The characters a database sift removes from a stored accent-free key before looking for
     * {@link #siftPiece}: white space, the apostrophe and {@link #SEPARATORS}. A database's own
     * {@code replace()} may remove them, since the key is already folded by this class.
     */
    public static String siftRemoves() {
        return SIFT_REMOVES;
    }

    private static final String SIFT_REMOVES = " '" + SEPARATORS;

    /**
     * A piece of the query that every text it {@link #mentions} contains once the characters of
     * {@link #siftRemoves} are taken out of the text's accent-free key, whatever the match: the
     * longest run of the query's key without those characters and without {@code mc} or {@code mac}
     * (which the Mc/Mac match takes as one) that is also inside one word of each of the query's
     * particle-free keys (the particle match may find the words of the query apart, or with a
     * particle between them: "Dafydd Owen" finds "Dafydd ab Owen").
     *
     * @param query the name searched for
     * @return the piece; empty when no piece is certain (then nothing may be sifted out), and for a
     *     query of more than {@value #LONGEST_SIFTED_QUERY} characters: the search for the piece
     *     grows with the cube of the query's length, and a staff post may hold 64 KB
     */
    public static String siftPiece(String query) {
        String free = accentFreeKey(query);
        if (free.length() > LONGEST_SIFTED_QUERY) {
            return "";
        }
        java.util.List<String> pieces = pieces(compact(free));
        java.util.List<java.util.List<String>> alsoIn = new java.util.ArrayList<>();
        for (boolean gaelicPrefixesToo : new boolean[] {false, true}) {
            String key = particleFreeOfFree(free, gaelicPrefixesToo);
            if (!key.isEmpty()) {   // an empty key never matches: no constraint
                java.util.List<String> words = new java.util.ArrayList<>();
                for (String each : key.split(" ")) {
                    words.addAll(pieces(each));
                }
                alsoIn.add(words);
            }
        }
        int longest = pieces.stream().mapToInt(String::length).max().orElse(0);
        for (int length = longest; length > 0; length--) {
            for (String piece : pieces) {
                for (int start = 0; start + length <= piece.length(); start++) {
                    String candidate = piece.substring(start, start + length);
                    if (alsoIn.stream().allMatch(words -> words.stream().anyMatch(w -> w.contains(candidate)))) {
                        return candidate;
                    }
                }
            }
        }
        return "";
    }

    /** The longest query (accent-free key, in UTF-16 units) whose {@link #siftPiece} is looked for. */
    static final int LONGEST_SIFTED_QUERY = 200;

    /** The runs of a text between the places where {@code mc} or {@code mac} stands. */
    private static java.util.List<String> pieces(String text) {
        return java.util.Arrays.asList(text.split("mac|mc"));
    }

    /**
     * Whether two whole names are the same person's name.
     *
     * @return {@link NameMatch#EXACT} when the search keys are equal, {@link
     *     NameMatch#WITHOUT_ACCENTS} when only the accent-free keys are, else {@link NameMatch#NONE};
     *     two empty names never match
     */
    public static NameMatch same(String a, String b) {
        String keyA = searchKey(a);
        String keyB = searchKey(b);
        if (keyA.isEmpty() || keyB.isEmpty()) {
            return NameMatch.NONE;
        }
        if (keyA.equals(keyB)) {
            return NameMatch.EXACT;
        }
        String freeA = accentFreeKey(a);
        String freeB = accentFreeKey(b);
        if (freeA.equals(freeB)) {
            return NameMatch.WITHOUT_ACCENTS;
        }
        String looseA = separatorFreeOfKey(freeA);
        return !looseA.isEmpty() && looseA.equals(separatorFreeOfKey(freeB)) ? NameMatch.OTHER_SEPARATORS : NameMatch.NONE;
    }

    /**
     * Whether a text (a name field or a longer free-text answer) mentions the queried name.
     *
     * @param query the name searched for, at least one visible character
     * @param text the stored text
     * @return how {@code text} contains {@code query}: the strongest {@link NameMatch} whose keys
     *     of the query are inside the text's (substrings, not whole words); {@link NameMatch#NONE}
     *     for an empty query
     */
    public static NameMatch mentions(String query, String text) {
        // one text: the sift's piece would cost more than the comparisons it spares (the result is the same)
        return query(query).mentions(text, false);
    }

    /**
     * A name to compare with many texts: its keys made once ({@link Query#mentions} is what {@link
     * #mentions} does).
     *
     * @param name the name searched for; may be {@code null} (then nothing matches)
     */
    public static Query query(String name) {
        return new Query(name);
    }

    /** A name searched for, with its keys made once; immutable and safe to share between threads. */
    public static final class Query {
        private final String needle;
        private final String freeNeedle;
        private final String looseNeedle;
        private final String joinedNeedle;
        private final String mcNeedle;
        private final String[] particleFree;
        private final String name;
        private volatile String sift;   // made when first needed; any thread may make it, all make the same

        private Query(String name) {
            needle = searchKey(name);
            freeNeedle = accentFreeOfKey(needle);
            looseNeedle = separatorFreeOfKey(freeNeedle);
            joinedNeedle = particleJoinedOfFree(freeNeedle);
            mcNeedle = mcOfJoined(joinedNeedle);
            particleFree = new String[] {particleFreeOfFree(freeNeedle, false), particleFreeOfFree(freeNeedle, true)};
            this.name = name;
        }

        /** The query's {@link PersonNames#siftPiece}, for a database's first sift. */
        public String siftPiece() {
            String piece = sift;
            if (piece == null) {
                piece = PersonNames.siftPiece(name);
                sift = piece;
            }
            return piece;
        }

        /**
         * @param text the stored text; may be {@code null}
         * @return as {@link PersonNames#mentions}
         */
        public NameMatch mentions(String text) {
            return mentions(text, true);
        }

        /**
         * @param sifted whether a text whose compact key lacks the {@link #siftPiece} is passed over
         *     at once for the levels after {@link NameMatch#WITHOUT_ACCENTS} (sound by the sift's
         *     property; {@code false} only for the test of that property)
         */
        NameMatch mentions(String text, boolean sifted) {
            if (needle.isEmpty() || text == null) {
                return NameMatch.NONE;
            }
            String haystack = searchKey(text);
            if (haystack.contains(needle)) {
                return NameMatch.EXACT;
            }
            String freeHaystack = accentFreeOfKey(haystack);
            if (freeHaystack.contains(freeNeedle)) {
                return NameMatch.WITHOUT_ACCENTS;
            }
            if (looseNeedle.isEmpty() || sifted && !compact(freeHaystack).contains(siftPiece())) {
                return NameMatch.NONE;
            }
            if (separatorFreeOfKey(freeHaystack).contains(looseNeedle)) {
                return NameMatch.OTHER_SEPARATORS;
            }
            if (joinedNeedle.isEmpty()) {
                return NameMatch.NONE;
            }
            String joinedHaystack = particleJoinedOfFree(freeHaystack);
            if (joinedHaystack.contains(joinedNeedle)) {
                return NameMatch.WITHOUT_APOSTROPHES;
            }
            if (mcOfJoined(joinedHaystack).contains(mcNeedle)) {
                return NameMatch.MC_MAC;
            }
            for (int reading = 0; reading < 2; reading++) {
                if (!particleFree[reading].isEmpty()
                        && particleFreeOfFree(freeHaystack, reading == 1).contains(particleFree[reading])) {
                    return NameMatch.WITHOUT_PARTICLES;
                }
            }
            return NameMatch.NONE;
        }
    }

    /** The accent-free key without the characters of {@link #siftRemoves}. */
    private static String compact(String accentFree) {
        StringBuilder compact = new StringBuilder(accentFree.length());
        for (int i = 0; i < accentFree.length(); i++) {
            char c = accentFree.charAt(i);
            if (SIFT_REMOVES.indexOf(c) < 0) {
                compact.append(c);
            }
        }
        return compact.toString();
    }

}
