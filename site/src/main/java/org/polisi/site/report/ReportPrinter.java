package org.polisi.site.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.polisi.site.fork.SectionChange;
import org.polisi.site.proof.ProofResult;
import org.polisi.site.translation.TranslationState;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints the report for people (aligned text) or for scripts ({@code --json}). */
public final class ReportPrinter {
    private ReportPrinter() {
    }

    public static void text(List<SiteReport.SchoolReport> reports, Path root, PrintStream out) {
        text(reports, ProofResult.NONE, root, out);
    }

    /** The report with proofing's counts: unknown words and glossary deviations per school and language. */
    public static void text(List<SiteReport.SchoolReport> reports, ProofResult proofing, Path root, PrintStream out) {
        for (SiteReport.SchoolReport report : reports) {
            out.println(report.school() + (report.adopts().isEmpty() ? " (stands alone)" : " (adopts " + report.adopts() + ")"));
            if (!report.adopts().isEmpty()) {
                out.println("  template sections:");
                for (SectionChange change : report.sections()) {
                    String hash = change.currentHash() == null ? "" : "  template=" + change.currentHash();
                    String flag = change.stale() ? "  STALE (recorded " + change.recordedHash() + ")"
                            : change.unrecorded() ? "  (no template= hash recorded)" : "";
                    out.printf("    %-9s %s (%s) / %s%s%s%n", change.status().name().toLowerCase(), change.pageKey(), change.language(),
                            change.sectionId(), hash, flag);
                }
                out.println("  stale overrides: " + (report.staleOverrides().isEmpty() ? "none" : ""));
                for (SectionChange stale : report.staleOverrides()) {
                    out.println("    " + stale.pageKey() + " / " + stale.sectionId() + " at " + relative(root, stale.file()) + ":" + stale.line()
                            + " — template section changed (recorded " + stale.recordedHash() + ", now " + stale.currentHash() + ")");
                }
            }
            Map<String, Integer> counts = report.translationCounts();
            out.printf("  translations: %d draft, %d reviewed, %d stale, %d missing%n",
                    counts.get("draft"), counts.get("reviewed"), counts.get("stale"), counts.get("missing"));
            for (TranslationState stale : report.staleTranslations()) {
                out.println("    stale: " + stale.pageKey() + " (" + stale.language() + ") " + relative(root, stale.file())
                        + " — " + (stale.recordedHash() == null || stale.recordedHash().isBlank() ? "no translated-from recorded"
                        : "translated-from " + stale.recordedHash()) + ", English now " + stale.currentHash()
                        + stale.englishUpdated().map(day -> ", English changed on " + day).orElse(""));
            }
            report.missingTranslations().forEach(m -> out.println("    missing: " + m));
            out.println("  review:");
            report.reviews().forEach(r -> out.println("    " + r.get("page") + ": " + r.get("status")
                    + (r.get("reviewDue").isBlank() ? "" : " (due " + r.get("reviewDue") + ")") + ", " + r.get("approval")));
            out.println("  documents referred to but missing: " + (report.missingDocuments().isEmpty() ? "none" : ""));
            report.missingDocuments().forEach(m -> out.println("    " + m.get("document") + " (from " + relativeLocation(root, m.get("referredFrom")) + ")"));
            out.println("  to confirm with the school: " + (report.toConfirm().isEmpty() ? "nothing" : org.polisi.site.Counted.of(report.toConfirm().size(), "item", "items")));
            report.toConfirm().forEach(item -> out.println("    " + relative(root, item.file()) + ":" + item.line() + ": "
                    + item.what() + " — " + item.why()));
            proofing(proofing.of(report.school()), out);
            out.println();
        }
        if (!proofing.of(ProofResult.INTERFACE).isEmpty()) {
            out.println("interface (themes/default/i18n)");
            proofing(proofing.of(ProofResult.INTERFACE), out);
        }
    }

    private static void proofing(Map<String, ProofResult.Counts> counts, PrintStream out) {
        if (counts.isEmpty()) {
            return;
        }
        out.println("  proofing (./polisi build lists each at its file and line):");
        counts.forEach((language, count) -> out.printf("    %s: %s, %s%n", language,
                org.polisi.site.Counted.of(count.spelling(), "unknown word", "unknown words"),
                org.polisi.site.Counted.of(count.glossary(), "glossary deviation", "glossary deviations")));
    }

    public static void json(List<SiteReport.SchoolReport> reports, Path root, PrintStream out) throws Exception {
        json(reports, ProofResult.NONE, root, out);
    }

    public static void json(List<SiteReport.SchoolReport> reports, ProofResult proofing, Path root, PrintStream out) throws Exception {
        List<Map<String, Object>> schools = new ArrayList<>();
        for (SiteReport.SchoolReport report : reports) {
            Map<String, Object> school = new LinkedHashMap<>();
            school.put("school", report.school());
            school.put("adopts", report.adopts());
            school.put("sections", report.sections().stream().map(c -> change(c, root)).toList());
            school.put("staleOverrides", report.staleOverrides().stream().map(c -> change(c, root)).toList());
            school.put("translations", report.translationCounts());
            school.put("staleTranslations", report.staleTranslations().stream().map(t -> Map.of(
                    "page", t.pageKey(), "language", t.language(), "file", relative(root, t.file()),
                    "recorded", String.valueOf(t.recordedHash()), "current", String.valueOf(t.currentHash()),
                    "englishUpdated", t.englishUpdated().map(String::valueOf).orElse(""))).toList());
            school.put("missingTranslations", report.missingTranslations());
            school.put("reviews", report.reviews());
            school.put("missingDocuments", report.missingDocuments());
            school.put("toConfirm", report.toConfirm().stream().map(item -> Map.of("source", item.source(),
                    "file", relative(root, item.file()) + ":" + item.line(), "what", item.what(), "why", item.why())).toList());
            school.put("proofing", proofing.of(report.school()));
            schools.add(school);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("schools", schools);
        all.put("interfaceProofing", proofing.of(ProofResult.INTERFACE));
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
    }

    private static Map<String, Object> change(SectionChange change, Path root) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("page", change.pageKey());
        map.put("language", change.language());
        map.put("section", change.sectionId());
        map.put("status", change.status().name().toLowerCase());
        map.put("stale", change.stale());
        map.put("recordedHash", change.recordedHash());
        map.put("currentHash", change.currentHash());
        map.put("file", relative(root, change.file()) + ":" + change.line());
        return map;
    }

    private static String relative(Path root, Path file) {
        if (file == null) {
            return "";
        }
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : file.toString();
    }

    private static String relativeLocation(Path root, String location) {
        int colon = location.lastIndexOf(':');
        return relative(root, Path.of(location.substring(0, colon))) + location.substring(colon);
    }
}
