package org.polisi.site.content;

import java.util.List;
import java.util.Map;

/**
 * Every key that {@code school.yml} and {@code cluster.yml} may hold, in one place: a key that is
 * not listed here is reported as unknown, with the nearest known key ("did you mean
 * {@code headteacher}?"), so that a misspelt key never silently does nothing. To add a setting,
 * add its key here and read it in {@link SettingsLoader}; CONTRIBUTING.md documents each one.
 */
public final class SettingsKeys {
    /** Top-level keys. {@code roles}, {@code policy} and {@code attributes} hold the keys below. */
    public static final List<String> TOP_LEVEL = List.of(
            "name", "languages", "adopts", "why-standalone", "local-authority", "roles", "policy",
            "contact-email", "contact-phone", "contact-address", "forms-endpoint", "base-url", "attributes",
            // the words that fit the setting (SettingWords, docs/adr/0033)
            "approving-body", "children", "head-title");

    /** Named roles that every page can use as attributes, e.g. {@code {headteacher}}. */
    public static final List<String> ROLES = List.of(
            "headteacher", "online-safety-coordinator", "safeguarding-lead",
            "online-safety-governor", "chair-of-governors");

    /** Keys of the {@code policy:} block; the dates among them are read by {@link SettingsDate}. */
    public static final List<String> POLICY = List.of("version", "last-updated", "approved-by", "approved-on", "review-due");

    /** The {@code policy:} keys that hold dates. */
    public static final List<String> POLICY_DATES = List.of("last-updated", "approved-on", "review-due");

    /** Which keys each block may hold; {@code attributes:} takes any name (the school's own). */
    public static final Map<String, List<String>> BLOCKS = Map.of("roles", ROLES, "policy", POLICY);

    private SettingsKeys() {
    }
}
