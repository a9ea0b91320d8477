package org.polisi.site.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which lines of an AsciiDoc text sit inside a delimited literal, listing, passthrough or comment
 * block, where nothing is markup and the clean-up must not touch a character.
 */
final class Blocks {
    private static final Set<String> VERBATIM = Set.of("....", "----", "++++", "////");

    private Blocks() {
    }

    static boolean[] delimitedMask(List<String> lines) {
        boolean[] mask = new boolean[lines.size()];
        String open = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (open == null && VERBATIM.contains(line)) {
                open = line;
                mask[i] = true;
            } else if (open != null) {
                mask[i] = true;
                if (line.equals(open)) {
                    open = null;
                }
            }
        }
        return mask;
    }

    static List<String> outsideDelimited(List<String> lines) {
        boolean[] mask = delimitedMask(lines);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!mask[i]) {
                out.add(lines.get(i));
            }
        }
        return out;
    }
}
