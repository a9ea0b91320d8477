package org.polisi.site.content;

import org.polisi.site.problem.Problems;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads school.yml and cluster.yml into {@link Settings}, layering a school over its template's defaults. */
public final class SettingsLoader {
    private SettingsLoader() {
    }

    public static Settings load(String id, Path file, Settings defaults, Problems problems) {
        YamlFile yaml = YamlFile.read(file);
        List<String> languages = yaml.list("languages");
        if (languages.isEmpty()) {
            languages = defaults == null ? List.of("en") : defaults.languages();
        }
        if (!languages.contains("en")) {
            problems.error("bad-settings", file, yaml.lineOf("languages"), "languages must include en (English is the source language)");
        }
        Map<String, LocalizedText> own = new LinkedHashMap<>();
        readAttribute(yaml, own, "school-name", "name");
        readAttribute(yaml, own, "local-authority", "local-authority");
        for (String role : Settings.ROLES) {
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
        PolicyDates policy = new PolicyDates(
                yaml.text("policy", "version").orElse(base.version()),
                yaml.text("policy", "last-updated").orElse(base.lastUpdated()),
                yaml.text("policy", "approved-by").orElse(base.approvedBy()),
                yaml.text("policy", "approved-on").orElse(base.approvedOn()),
                yaml.text("policy", "review-due").orElse(base.reviewDue()));
        LocalizedText name = yaml.node("name").map(YamlFile::localized)
                .orElse(defaults == null ? LocalizedText.same(id) : defaults.name());
        return new Settings(id, file, name, List.copyOf(languages),
                yaml.text("adopts").filter(s -> !s.isBlank() && !s.equals("none")),
                yaml.text("why-standalone").orElse(""),
                Collections.unmodifiableMap(attributes), policy,
                yaml.text("contact-email").orElse(defaults == null ? "" : defaults.contactEmail()),
                yaml.text("forms-endpoint").orElse(defaults == null ? "/forms" : defaults.formsEndpoint()),
                yaml.text("base-url").orElse(""),
                SettingWords.read(yaml, file, defaults == null ? SettingWords.DEFAULTS : defaults.words(), problems));
    }

    private static void readAttribute(YamlFile yaml, Map<String, LocalizedText> into, String attribute, String... path) {
        Optional<Node> node = yaml.node(path);
        node.ifPresent(n -> into.put(attribute, YamlFile.localized(n)));
    }

    private static int lineOfAttribute(YamlFile yaml, String attribute) {
        if (attribute.equals("school-name")) {
            return yaml.lineOf("name");
        }
        if (Settings.ROLES.contains(attribute)) {
            return yaml.lineOf("roles", attribute);
        }
        int line = yaml.lineOf(attribute);
        return line > 0 ? line : yaml.lineOf("attributes", attribute);
    }
}
