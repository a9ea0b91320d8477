package org.polisi.site.confirm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markers an author leaves where the school must confirm something the sources do not settle: in
 * AsciiDoc {@code // polisi: confirm <why>}, in YAML {@code # polisi: confirm <why>} (a comment,
 * so nothing is published). The marked item is the line after the marker (or the marker's own
 * line, when the marker ends a YAML line).
 */
final class ConfirmMarkers implements FileConfirmationSource {
    private static final Pattern MARKER = Pattern.compile("(?://|#)\\s*polisi:\\s*confirm\\b\\s*(.*)$");

    @Override
    public List<ToConfirm> findIn(Path file, List<String> lines) {
        List<ToConfirm> items = new ArrayList<>();
        boolean yaml = file.toString().endsWith(".yml");
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains("polisi:")) {       // every marker has it: most lines need no pattern
                continue;
            }
            Matcher marker = MARKER.matcher(line);
            if (!marker.find() || (!yaml && !line.trim().startsWith("//"))) {
                continue;
            }
            boolean ownLine = line.substring(0, marker.start()).isBlank();
            String what = ownLine ? next(lines, i) : line.substring(0, marker.start()).trim();
            String why = marker.group(1).trim();
            items.add(new ToConfirm("marker", file, i + 1, what.isEmpty() ? "(the text that follows)" : what,
                    why.isEmpty() ? "marked for confirmation" : why));
        }
        return items;
    }

    private static String next(List<String> lines, int index) {
        for (int j = index + 1; j < lines.size(); j++) {
            String text = lines.get(j).trim();
            if (!text.isEmpty() && !text.startsWith("//") && !text.startsWith("#")) {
                return text.length() > 70 ? text.substring(0, 70) + "…" : text;
            }
        }
        return "";
    }
}
