package org.polisi.site.content;

import org.polisi.site.problem.Problems;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words that depend on what kind of setting a school is, from its settings file: who approves
 * its policies ({@code approving-body}), what it calls the children ({@code children}) and its
 * head's title ({@code head-title}). A nursery run by a committee reads "Awaiting approval by the
 * management committee" and "Child 1", not a governed primary school's words.
 *
 * <p>Each interface sentence that depends on one of them has a whole-sentence variant per value in
 * the bundles, {@code <key>.<value>} (e.g. {@code policy.awaiting.approval.management-committee}),
 * so no sentence is glued from fragments and Welsh mutations are written, not computed. The
 * default value's sentence is the plain key.
 */
public record SettingWords(String approvingBody, String children, String headTitle) {

    /** Each setting: its allowed values, the default first. */
    public static final Map<String, List<String>> VALUES = Map.of(
            "approving-body", List.of("governing-body", "management-committee", "trust-board", "proprietor"),
            "children", List.of("pupils", "learners", "children"),
            "head-title", List.of("headteacher", "head-of-centre", "principal", "manager"));

    /** The interface sentences that change with each setting. */
    static final Map<String, List<String>> SENTENCES = Map.of(
            "approving-body", List.of("policy.awaiting.approval", "forms.role.chair-of-governors"),
            "children", List.of("forms.pupil-names.item", "forms.pupil-names.add"),
            "head-title", List.of("forms.role.headteacher"));

    public static final SettingWords DEFAULTS = new SettingWords("governing-body", "pupils", "headteacher");

    /** The settings keys this record reads, for the list of known keys. */
    public static final List<String> KEYS = List.of("approving-body", "children", "head-title");

    /**
     * Reads the three settings from {@code yaml}, each defaulting to {@code inherited}'s; an
     * unknown value is an error at its line, naming the allowed ones, and the default is used.
     */
    static SettingWords read(YamlFile yaml, Path file, SettingWords inherited, Problems problems) {
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("approving-body", inherited.approvingBody());
        chosen.put("children", inherited.children());
        chosen.put("head-title", inherited.headTitle());
        for (String key : KEYS) {
            yaml.text(key).filter(v -> !v.isBlank()).ifPresent(value -> {
                if (VALUES.get(key).contains(value.strip())) {
                    chosen.put(key, value.strip());
                } else if (VALUES.get(key).contains(value.strip().toLowerCase(java.util.Locale.ROOT))) {
                    problems.error("bad-settings", file, yaml.lineOf(key), key + ": write '"
                            + value.strip().toLowerCase(java.util.Locale.ROOT) + "', not '" + value.strip() + "' (lower case)");
                } else {
                    problems.error("bad-settings", file, yaml.lineOf(key), key + ": '" + value + "' is not one of "
                            + String.join(", ", VALUES.get(key))
                            + Names.nearest(value.strip(), VALUES.get(key)).map(near -> ": did you mean '" + near + "'?").orElse(""));
                }
            });
        }
        return new SettingWords(chosen.get("approving-body"), chosen.get("children"), chosen.get("head-title"));
    }

    /** The message key to use for {@code key}: its variant for this school's setting when it has one. */
    public String key(String key, Map<String, String> messages) {
        for (Map.Entry<String, List<String>> setting : SENTENCES.entrySet()) {
            if (setting.getValue().contains(key)) {
                String variant = key + "." + valueOf(setting.getKey());
                return messages.containsKey(variant) ? variant : key;
            }
        }
        return key;
    }

    /** {@code messages} with each setting-dependent sentence replaced by this school's variant. */
    public Map<String, String> applyTo(Map<String, String> messages) {
        Map<String, String> words = new TreeMap<>(messages);
        SENTENCES.values().forEach(keys -> keys.forEach(key -> words.put(key, messages.getOrDefault(key(key, messages), ""))));
        words.values().removeIf(String::isEmpty);
        return words;
    }

    private String valueOf(String setting) {
        return switch (setting) {
            case "approving-body" -> approvingBody;
            case "children" -> children;
            default -> headTitle;
        };
    }
}
