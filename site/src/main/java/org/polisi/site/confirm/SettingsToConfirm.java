package org.polisi.site.confirm;

import org.polisi.contract.FormKind;
import org.polisi.site.content.LocalizedText;
import org.polisi.site.content.Settings;
import org.polisi.site.content.SiteSource;
import org.polisi.site.content.YamlFile;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.ContentException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings a page or form would publish as if the school had given them, when it has not:
 * <ul>
 *   <li>a name or approving body that a Welsh page would show in English (a plain string, or the
 *       same words under {@code cy:}; {@code ./polisi new-school} without {@code --welsh-name});</li>
 *   <li>a role, the local authority or one of the school's own values given as one text for every
 *       language whose words are one language's, used by a page in another ({@link OneTextSettings},
 *       docs/adr/0104): "Bydd the headteacher yn ateb...";</li>
 *   <li>an approval without its date, or a date without who approved it;</li>
 *   <li>forms (whose privacy notices and receipts tell people how to reach the school) on a school
 *       that has given no e-mail address: they say "contact the school office" instead;</li>
 *   <li>a withdrawal form: a withdrawal sent without a reference number waits for staff to match it,
 *       the server cannot tell the parent when it applies or that it was rejected, and the pages
 *       send the parent to the school office for that (at the form's {@code kind:} line).</li>
 * </ul>
 * Each is an item at its line of {@code school.yml} (or the template's {@code cluster.yml} it comes
 * from). A comment {@code # polisi: confirmed <who, when>} on that line or the line above records
 * that the school confirmed it (a school whose Welsh name is its English one) and settles it.
 */
public final class SettingsToConfirm implements ConfirmationSource {
    /** The {@link ToConfirm#source()} of its items. */
    public static final String SOURCE = "settings";
    private static final Pattern CONFIRMED = Pattern.compile("#\\s*polisi:\\s*confirmed\\b");

    @Override
    public List<ToConfirm> find(ResolvedSite site, Optional<SchoolForms> forms) {
        if (site.source().kind() != SiteSource.Kind.SCHOOL) {
            return List.of();
        }
        List<ToConfirm> items = new ArrayList<>();
        Settings settings = site.source().settings();
        List<Path> files = new ArrayList<>(List.of(settings.file()));
        site.template().ifPresent(template -> files.add(template.settings().file()));
        for (String language : site.languages()) {
            if (language.equals("en")) {
                continue;
            }
            untranslated(files, items, language, settings.name(), "the school's name", "name");
            untranslated(files, items, language, settings.policy().approver(), "who approved the policies", "policy", "approved-by");
        }
        for (OneTextSettings.Finding finding : OneTextSettings.find(site)) {
            boolean templateGivesIt = site.template().map(template -> template.settings().attributes().get(finding.name()))
                    .filter(value -> value.everyLanguage() == null).isPresent();
            add(files, items, OneTextSettings.what(finding), OneTextSettings.why(finding, templateGivesIt), finding.key());
        }
        String approvedBy = settings.policy().approvedBy();
        String approvedOn = settings.policy().approvedOn();
        if (!approvedBy.isBlank() && approvedOn.isBlank()) {
            add(files, items, "approved by " + approvedBy + ", with no date",
                    "pages say the policies are approved but not when: give approved-on (the date of the meeting that"
                            + " approved them), or leave approved-by blank while approval is awaited", "policy", "approved-by");
        } else if (approvedBy.isBlank() && !approvedOn.isBlank()) {
            add(files, items, "approved on " + approvedOn + ", by nobody named",
                    "a date of approval without who approved: give approved-by, or leave approved-on blank", "policy", "approved-on");
        }
        boolean hasForms = !forms.map(SchoolForms::all).orElse(List.of()).isEmpty();
        if (hasForms && settings.contactEmail().isBlank()) {
            add(files, items, "no contact e-mail address (contact-email is blank)",
                    "the forms' privacy notices and receipts tell people to contact the school office"
                            + (settings.contactPhone().isBlank() ? " and give no way to do it" : " by phone only")
                            + ": give the school's address in contact-email, or confirm that this is how it wants to be reached",
                    "contact-email");
        }
        for (FormDefinition form : forms.map(SchoolForms::all).orElse(List.of())) {
            if (form.kind() == FormKind.WITHDRAWAL) {
                add(List.of(form.source()), items, "form " + form.id() + ": parents are told to ask the school office when a"
                        + " withdrawal without a reference number applies",
                        "the server cannot tell them when staff match it or that staff rejected it (staff see these requests"
                                + " at /staff/withdrawals): confirm that the school office will answer, and tell a parent whose"
                                + " request is rejected", "kind");
            }
        }
        return items;
    }

    private static void untranslated(List<Path> files, List<ToConfirm> items, String language, LocalizedText value,
                                     String what, String... key) {
        String english = value.inOrEnglish("en");
        Optional<String> own = value.everyLanguage() != null ? Optional.empty() : value.in(language);
        if (english.isBlank() || own.filter(text -> !text.isBlank() && !text.equals(english)).isPresent()) {
            return;
        }
        add(files, items, what + " in '" + language + "' is the English '" + english + "'",
                "the " + language + " pages show it in English: give it in each language ("
                        + String.join(".", key) + ": {en: ..., " + language + ": ...}), or, if the school confirms the words"
                        + " are the same in both, record that with '# polisi: confirmed' above the line", key);
    }

    /** Adds an item at the first file that sets {@code key} (the school's, then its template's), unless confirmed there. */
    private static void add(List<Path> files, List<ToConfirm> items, String what, String why, String... key) {
        for (Path file : files) {
            int line = lineOf(file, key);
            if (line > 0) {
                List<String> lines = ToConfirmList.lines(file);
                boolean confirmed = CONFIRMED.matcher(lines.get(line - 1)).find()
                        || line > 1 && CONFIRMED.matcher(lines.get(line - 2)).find();
                if (!confirmed) {
                    items.add(new ToConfirm(SOURCE, file, line, what, why));
                }
                return;
            }
        }
        items.add(new ToConfirm(SOURCE, files.get(0), 0, what, why));
    }

    private static int lineOf(Path file, String... key) {
        try {
            return YamlFile.read(file).lineOf(key);
        } catch (ContentException unreadable) {
            return 0;   // reported by the loader, at its line
        }
    }
}
