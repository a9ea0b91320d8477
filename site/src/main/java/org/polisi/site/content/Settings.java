package org.polisi.site.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A school's (or a cluster template's) settings file: who it is, which languages it publishes,
 * which template it adopts, and the values substituted into its pages as AsciiDoc attributes.
 */
public record Settings(
        String id,
        Path file,
        LocalizedText name,
        List<String> languages,
        Optional<String> adopts,
        String whyStandalone,
        Map<String, LocalizedText> attributes,
        PolicyDates policy,
        String contactEmail,
        String formsEndpoint,
        String baseUrl,
        SettingWords words) {

    /** Named roles and settings that every page can use, e.g. {@code {headteacher}}. */
    public static final List<String> ROLES = List.of(
            "headteacher", "online-safety-coordinator", "safeguarding-lead",
            "online-safety-governor", "chair-of-governors");

    public boolean bilingual() {
        return languages.size() > 1;
    }
}
