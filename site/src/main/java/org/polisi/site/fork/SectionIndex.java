package org.polisi.site.fork;

import org.polisi.site.content.SourceLine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sections of an AsciiDoc body by reading its lines: headings outside delimited blocks,
 * with the id given on a {@code [[id]]} or {@code [#id]} line above them.
 */
public final class SectionIndex {
    private static final Pattern HEADING = Pattern.compile("^(={2,6})\\s+(\\S.*)$");
    private static final Pattern ANCHOR = Pattern.compile("^\\[\\[([A-Za-z0-9_:.-]+)(?:,[^\\]]*)?]]\\s*$");
    private static final Pattern SHORTHAND_ID = Pattern.compile("^\\[[^\\]]*#([A-Za-z0-9_:.-]+)[^\\]]*]\\s*$");
    private static final Set<String> DELIMITERS = Set.of("----", "....", "|===", "++++", "////", "****", "====", "____", "--");

    private final List<SourceLine> lines;
    private final List<Section> sections;
    /** {@link #hash(Section)} once each: a template's index serves every school that adopts it (docs/adr/0090). */
    private final Map<Section, String> hashes = new ConcurrentHashMap<>();

    private SectionIndex(List<SourceLine> lines, List<Section> sections) {
        this.lines = lines;
        this.sections = sections;
    }

    public static SectionIndex of(List<SourceLine> lines) {
        List<int[]> headings = new ArrayList<>();   // {line index, level, first line of its block}
        List<String> ids = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        String openDelimiter = null;
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).text();
            String trimmed = text.trim();
            if (openDelimiter != null) {
                if (trimmed.equals(openDelimiter)) {
                    openDelimiter = null;
                }
                continue;
            }
            if (DELIMITERS.contains(trimmed)) {
                openDelimiter = trimmed;
                continue;
            }
            Matcher heading = HEADING.matcher(text);
            if (!heading.matches()) {
                continue;
            }
            int first = i;
            String id = null;
            while (first > 0 && isBlockAttributeLine(lines.get(first - 1).text())) {
                first--;
                String candidate = idOf(lines.get(first).text());
                if (candidate != null && id == null) {
                    id = candidate;
                }
            }
            headings.add(new int[]{i, heading.group(1).length() - 1, first});
            ids.add(id);
            titles.add(heading.group(2).trim());
        }
        List<Section> sections = new ArrayList<>();
        for (int h = 0; h < headings.size(); h++) {
            int level = headings.get(h)[1];
            int end = lines.size();
            for (int next = h + 1; next < headings.size(); next++) {
                if (headings.get(next)[1] <= level) {
                    end = headings.get(next)[2];
                    break;
                }
            }
            sections.add(new Section(ids.get(h), level, titles.get(h), headings.get(h)[2], end, headings.get(h)[0]));
        }
        return new SectionIndex(lines, List.copyOf(sections));
    }

    public List<Section> sections() {
        return sections;
    }

    public Optional<Section> find(String id) {
        return sections.stream().filter(s -> id.equals(s.id())).findFirst();
    }

    /** Hash of a section's text: an override records it, so a later change to the template shows. */
    public String hash(Section section) {
        return hashes.computeIfAbsent(section, this::hashOf);
    }

    private String hashOf(Section section) {
        StringBuilder text = new StringBuilder();
        for (int i = section.start(); i < section.end(); i++) {
            text.append(lines.get(i).text().stripTrailing()).append('\n');
        }
        return sha(text.toString().strip());
    }

    /** The first 12 hex digits of the SHA-256 (FIPS 180-4) of the text's UTF-8 bytes. */
    public static String sha(String text) {
        return shortHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A SHA-256 that has read {@code text} (UTF-8) and is read no further: {@link #sha(MessageDigest, String)}
     * continues a copy of it, so a text that starts many hashed texts (a template page's body, which
     * every school's page hash begins with) is hashed once.
     */
    public static MessageDigest shaAfter(String text) {
        MessageDigest digest = sha256();
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return digest;
    }

    /**
     * {@code sha(text + more)}, where {@code after} is {@link #shaAfter shaAfter(text)} and {@code text}
     * ends with a whole character (its UTF-8 bytes then end where {@code more}'s begin). {@code after}
     * is left as it was, so threads may share it.
     */
    public static String sha(MessageDigest after, String more) {
        try {
            MessageDigest digest = (MessageDigest) after.clone();
            return shortHex(digest.digest(more.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortHex(byte[] digest) {
        return HexFormat.of().formatHex(digest).substring(0, 12);
    }

    private static boolean isBlockAttributeLine(String text) {
        String trimmed = text.trim();
        return trimmed.startsWith("[") && trimmed.endsWith("]") && !trimmed.startsWith("[[[");
    }

    private static String idOf(String text) {
        Matcher anchor = ANCHOR.matcher(text.trim());
        if (anchor.matches()) {
            return anchor.group(1);
        }
        Matcher shorthand = SHORTHAND_ID.matcher(text.trim());
        return shorthand.matches() ? shorthand.group(1) : null;
    }
}
