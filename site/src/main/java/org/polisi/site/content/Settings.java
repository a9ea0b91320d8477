package org.polisi.site.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A school's (or a cluster template's) settings file: who it is, which languages it publishes,
 * which template it adopts, how to contact it, and the values substituted into its pages as
 * AsciiDoc attributes. The contact details are blank when the school has not given them: pages
 * then say "contact the school office" and invent no address.
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
        String contactPhone,
        LocalizedText contactAddress,
        SettingWords words) {

    /** Named roles and settings that every page can use, e.g. {@code {headteacher}}. */
    public static final List<String> ROLES = SettingsKeys.ROLES;

    public boolean bilingual() {
        return languages.size() > 1;
    }

    /** The same settings under another id (a cluster template's preview site). */
    public Settings withId(String newId) {
        return new Settings(newId, file, name, languages, Optional.empty(), whyStandalone, attributes, policy,
                contactEmail, formsEndpoint, baseUrl, contactPhone, contactAddress, words);
    }

    /** The same settings published under another base address ({@link BaseUrls#effective}). */
    public Settings withBaseUrl(String newBaseUrl) {
        return new Settings(id, file, name, languages, adopts, whyStandalone, attributes, policy,
                contactEmail, formsEndpoint, newBaseUrl, contactPhone, contactAddress, words);
    }

    /** The school's contact details in a language, joined for one line ("office@…, 01234 567890"); blank when none. */
    public String contactLine(String language) {
        return String.join(", ", java.util.stream.Stream.of(contactEmail, contactPhone, contactAddress.inOrEnglish(language))
                .filter(s -> s != null && !s.isBlank()).toList());
    }
}
