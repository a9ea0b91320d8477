package org.polisi.site.content;

import org.polisi.site.problem.Problems;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * Reads school.yml and cluster.yml into {@link Settings}, layering a school over its template's
 * defaults. Unknown keys are warned about with the nearest known one ({@link SettingsKeys}); dates
 * are read by {@link SettingsDate}; a syntax error is thrown by {@link YamlFile#read} as one
 * {@link org.polisi.site.problem.ContentException} and the caller skips the file.
 */
public final class SettingsLoader {
    /**
     * The languages a site may be published in: the theme, the forms server's bundles and the
     * glossary exist in English and Welsh only (ISO 639-1 codes, as in {@code hreflang}).
     */
    public static final List<String> PUBLISHED_LANGUAGES = List.of("en", "cy");

    private SettingsLoader() {
    }

    public static Settings load(String id, Path file, Settings defaults, Problems problems) {
        return load(id, YamlFile.read(file), defaults, problems);
    }

    public static Settings load(String id, YamlFile yaml, Settings defaults, Problems problems) {
        Path file = yaml.file();
        unknownKeys(yaml, problems);
        EmptySettings.check(yaml, Set.of("languages"), problems);
        List<String> languages = SettingsList.read(yaml, "languages", PUBLISHED_LANGUAGES,
                "the languages Polisi publishes: en (English) and cy (Welsh)", problems);
        if (languages.isEmpty()) {
            languages = defaults == null ? List.of("en") : defaults.languages();
        }
        if (!languages.contains("en") && yaml.node("languages").isPresent()) {
            problems.error("bad-settings", file, yaml.lineOf("languages"), "languages must include en (English is the source language)");
        }
        Map<String, LocalizedText> own = new LinkedHashMap<>();
        readAttribute(yaml, own, "school-name", "name");
        readAttribute(yaml, own, "local-authority", "local-authority");
        for (String role : SettingsKeys.ROLES) {
            readAttribute(yaml, own, role, "roles", role);
        }
        yaml.entries("attributes").forEach((key, node) -> own.put(key, YamlFile.localized(node)));
        Map<String, LocalizedText> attributes = new LinkedHashMap<>(defaults == null ? Map.of() : defaults.attributes());
        attributes.putAll(own);
        // Only this file's own values are checked here: inherited ones were checked in their own file.
        for (Map.Entry<String, LocalizedText> attribute : own.entrySet()) {
            for (String language : languages) {
                if (attribute.getValue().in(language).isEmpty()) {
                    int line = lineOfAttribute(yaml, attribute.getKey());
                    problems.error("missing-translation", file, line,
                            "setting '" + attribute.getKey() + "' has no value in language '" + language + "'");
                }
            }
        }
        PolicyDates base = defaults == null ? PolicyDates.NONE : defaults.policy();
        LocalizedText approver = yaml.node("policy", "approved-by").map(YamlFile::localized).orElse(base.approver());
        PolicyDates policy = new PolicyDates(
                yaml.text("policy", "version").orElse(base.version()),
                date(yaml, "last-updated", base.lastUpdated(), problems),
                approver.inOrEnglish("en"),
                date(yaml, "approved-on", base.approvedOn(), problems),
                date(yaml, "review-due", base.reviewDue(), problems),
                approver, dateLines(yaml));
        LocalizedText name = yaml.node("name").map(YamlFile::localized)
                .orElse(defaults == null ? LocalizedText.same(id) : defaults.name());
        return new Settings(id, file, name, List.copyOf(languages),
                yaml.text("adopts").filter(s -> !s.isBlank() && !s.equals("none")),
                yaml.text("why-standalone").orElse(""),
                Collections.unmodifiableMap(attributes), policy,
                yaml.text("contact-email").orElse(defaults == null ? "" : defaults.contactEmail()).trim(),
                yaml.text("forms-endpoint").orElse(defaults == null ? "/forms" : defaults.formsEndpoint()),
                yaml.text("base-url").orElse(""),
                yaml.text("contact-phone").orElse(defaults == null ? "" : defaults.contactPhone()).trim(),
                yaml.node("contact-address").map(YamlFile::localized)
                        .orElse(defaults == null ? LocalizedText.same("") : defaults.contactAddress()),
                SettingWords.read(yaml, file, defaults == null ? SettingWords.DEFAULTS : defaults.words(), problems));
    }

    private static void unknownKeys(YamlFile yaml, Problems problems) {
        yaml.keys().forEach((key, line) -> {
            if (!SettingsKeys.TOP_LEVEL.contains(key)) {
                problems.warning("unknown-setting", yaml.file(), line, "'" + key + "' is not a setting this build knows"
                        + Names.nearest(key, SettingsKeys.TOP_LEVEL).map(k -> ": did you mean '" + k + "'?").orElse(": it is ignored"));
            }
        });
        SettingsKeys.BLOCKS.forEach((block, known) -> yaml.keys(block).forEach((key, line) -> {
            if (!known.contains(key)) {
                problems.warning("unknown-setting", yaml.file(), line, "'" + block + ": " + key + "' is not a setting this build knows"
                        + Names.nearest(key, known).map(k -> ": did you mean '" + k + "'?")
                        .orElse(block.equals("roles") ? ": a school's own values go under 'attributes:'" : ": it is ignored"));
            }
        }));
    }

    /** The line of each policy date this file writes, non-blank, itself. */
    private static Map<String, Integer> dateLines(YamlFile yaml) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (String key : List.of("last-updated", "approved-on", "review-due")) {
            yaml.text("policy", key).filter(text -> !text.isBlank()).ifPresent(text -> lines.put(key, yaml.lineOf("policy", key)));
        }
        return lines;
    }

    private static String date(YamlFile yaml, String key, String inherited, Problems problems) {
        Optional<String> written = yaml.text("policy", key);
        if (written.isEmpty()) {
            return inherited;
        }
        try {
            return SettingsDate.parse(written.get()).orElse("");
        } catch (IllegalArgumentException e) {
            problems.error("bad-date", yaml.file(), yaml.lineOf("policy", key), "policy: " + key + ": " + e.getMessage());
            return "";
        }
    }

    private static void readAttribute(YamlFile yaml, Map<String, LocalizedText> into, String attribute, String... path) {
        Optional<Node> node = yaml.node(path);
        node.ifPresent(n -> into.put(attribute, YamlFile.localized(n)));
    }

    private static int lineOfAttribute(YamlFile yaml, String attribute) {
        if (attribute.equals("school-name")) {
            return yaml.lineOf("name");
        }
        if (SettingsKeys.ROLES.contains(attribute)) {
            return yaml.lineOf("roles", attribute);
        }
        int line = yaml.lineOf(attribute);
        return line > 0 ? line : yaml.lineOf("attributes", attribute);
    }
}
