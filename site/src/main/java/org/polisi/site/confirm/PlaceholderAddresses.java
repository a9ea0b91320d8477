package org.polisi.site.confirm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail and web addresses at the domains reserved for examples (RFC 2606 and RFC 6761:
 * {@code example.org}, {@code example.com}, {@code example.net} and any {@code .invalid} name) in a
 * site's settings, forms or pages: they are placeholders, never a school's real address, and must
 * not be published as if they were. Comment lines are skipped (nothing there is published).
 */
public final class PlaceholderAddresses implements FileConfirmationSource {
    /** The {@link ToConfirm#source()} of its items. */
    public static final String SOURCE = "placeholder";
    static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i)(?:[\\w.+-]+@|https?://)(?:[\\w-]+\\.)*(?:example\\.(?:org|com|net)|[\\w-]+\\.invalid)\\b(?:/[\\w/.~%-]*[\\w/~%-])?");

    /**
     * Whether {@code text} holds one of the reserved names at all: every match of {@link #PLACEHOLDER}
     * contains "example." or ".invalid" (ASCII, any case), and looking for those first spares most
     * lines the pattern's backtracking over every word.
     */
    static boolean mayHoldOne(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("example.") || lower.contains(".invalid");
    }

    @Override
    public List<ToConfirm> findIn(Path file, List<String> lines) {
        List<ToConfirm> items = new ArrayList<>();
        String comment = file.toString().endsWith(".yml") ? "#" : "//";
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.trim().startsWith(comment) || !mayHoldOne(text)) {
                continue;
            }
            Matcher placeholder = PLACEHOLDER.matcher(comment.equals("#") ? text.replaceFirst("\\s#.*$", "") : text);
            while (placeholder.find()) {
                items.add(new ToConfirm(SOURCE, file, i + 1, "placeholder address " + placeholder.group(),
                        "an example address, not the school's: give the real one, or leave the setting out"
                                + " (pages then say \"contact the school office\")"));
            }
        }
        return items;
    }
}
