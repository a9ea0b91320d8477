package org.polisi.site.compose;

import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.content.Names;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.problem.Problems;
import org.polisi.site.theme.Messages;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polisi.contract.FormKind;
import org.polisi.contract.StaffRole;

/**
 * Checks, before anything is rendered and next to the other references ({@link ImageReferences}),
 * that every {@code form::id[]} line names a form the school has (its template's or its own,
 * loaded with the content in {@code catalog.CatalogStage}), so that an unknown id is reported at
 * the author's file and line; and gives the renderer what it needs to know of the school's forms.
 */
public final class FormReferences {
    private static final Pattern FORM_MACRO = Pattern.compile("^form::([^\\[\\s]*)\\[.*]\\s*$");

    private FormReferences() {
    }

    /** A withdrawal form on a school with no consent form could only ever answer "not found". */
    private static boolean withdrawsNothing(SchoolForms forms, String formId) {
        return forms.find(formId).filter(form -> form.kind() == FormKind.WITHDRAWAL).isPresent()
                && forms.all().stream().noneMatch(form -> form.kind() == FormKind.CONSENT);
    }

    /**
     * A consent form on a school with no withdrawal form: consent must be as easy to withdraw as to
     * give (UK GDPR Article 7(3)), and the privacy notice and receipt promise it can be withdrawn
     * at any time, so the school must publish the way to do it.
     */
    private static boolean cannotBeWithdrawn(SchoolForms forms, String formId, java.util.Set<String> embedded) {
        return forms.find(formId).filter(form -> form.kind() == FormKind.CONSENT).isPresent()
                && embedded.stream().map(forms::find).flatMap(java.util.Optional::stream)
                .noneMatch(form -> form.kind() == FormKind.WITHDRAWAL);
    }

    /** The ids of the forms the site's pages embed. */
    private static java.util.Set<String> embedded(ResolvedSite site) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (ResolvedPage page : site.allPages()) {
            for (SourceLine line : page.body()) {
                Matcher macro = FORM_MACRO.matcher(line.text().trim());
                if (macro.matches()) {
                    ids.add(macro.group(1));
                }
            }
        }
        return ids;
    }

    /**
     * Reports every {@code form::} line of the site that names no form of {@code forms}, withdraws
     * from nothing, or embeds a consent that no withdrawal form lets anyone withdraw.
     */
    public static void check(ResolvedSite site, SchoolForms forms, Problems problems) {
        java.util.Set<String> embedded = embedded(site);
        for (ResolvedPage page : site.allPages()) {
            for (SourceLine line : page.body()) {
                Matcher macro = FORM_MACRO.matcher(line.text().trim());
                if (macro.matches() && !forms.contains(macro.group(1))) {
                    problems.error("unknown-form", line.file(), line.number(),
                            "no form '" + macro.group(1) + "' in " + site.id() + "'s forms folders " + CatalogStage.formsDirs(site));
                } else if (macro.matches() && withdrawsNothing(forms, macro.group(1))) {
                    problems.error("withdrawal-without-consent", line.file(), line.number(),
                            "form '" + macro.group(1) + "' is a withdrawal form, but " + site.id()
                                    + " publishes no consent form to withdraw from: remove this page or line,"
                                    + " or add the consent form first");
                } else if (macro.matches() && cannotBeWithdrawn(forms, macro.group(1), embedded)) {
                    problems.error("consent-without-withdrawal", line.file(), line.number(),
                            "form '" + macro.group(1) + "' asks for consent, but " + site.id() + " publishes no withdrawal form on any page:"
                                    + " consent must be as easy to withdraw as to give, and the privacy notice and receipt"
                                    + " say it can be withdrawn at any time. Add a form of kind: withdrawal on a page"
                                    + " (docs/forms.md, \"Withdrawal\"), or make this form an agreement");
                }
            }
        }
    }

    /**
     * Reports, once per form at its {@code reader-role:} line, a reader role the privacy notice has no
     * words for in some language ({@code forms.role.<role>} in the theme's forms bundle), naming the
     * roles there are; without this, the notice's missing words were reported at the page.
     */
    public static void checkRoles(ResolvedSite site, SchoolForms forms, Map<String, Messages> messages, Problems problems) {
        Map<String, String> english = messages.get(site.languages().get(0)).all();
        String known = String.join(", ", english.keySet().stream().filter(key -> key.startsWith(ROLE))
                .map(key -> key.substring(ROLE.length())).sorted().toList());
        for (org.polisi.site.forms.definition.FormDefinition form : forms.all()) {
            boolean worded = site.languages().stream().allMatch(language -> messages.get(language).all()
                    .containsKey(ROLE + form.readerRole()));
            if (StaffRole.fromFormWord(form.readerRole()).isEmpty()) {
                // the notice would name a reader the forms server never lets in (tester 3's fault 10)
                problems.error("unknown-role", form.source(), readerRoleLine(form), "reader-role '" + form.readerRole()
                        + "' is not a role a staff account can hold on the forms server, so nobody could read this form as it: "
                        + "use one of " + StaffRole.knownFormWords()
                        + " (the headteacher reads every form; alerted roles read the reports they are told of)"
                        + StaffRole.fromWord(form.readerRole()).map(StaffRole::formWord)
                        .or(() -> Names.nearest(form.readerRole(), FORM_WORDS)).map(near -> ": did you mean '" + near + "'?")
                        .orElse(""));
            } else if (!worded) {
                problems.error("unknown-role", form.source(), readerRoleLine(form), "reader-role '" + form.readerRole()
                        + "' is not a role the privacy notice can name: use one of " + known
                        + " (or add forms.role." + form.readerRole() + " in both languages to themes/default/i18n/forms_*.properties)");
            }
        }
    }

    private static final List<String> FORM_WORDS = Arrays.stream(StaffRole.values()).map(StaffRole::formWord).toList();

    private static int readerRoleLine(org.polisi.site.forms.definition.FormDefinition form) {
        try {
            return org.polisi.site.content.YamlFile.read(form.source()).lineOf("reader-role");
        } catch (org.polisi.site.problem.ContentException unreadable) {
            return 0;   // the definition was read when the catalog was made; the line is then unknown
        }
    }

    private static final String ROLE = "forms.role.";

    /** What rendering and the manifest need to know of the school besides its forms: names, contact, endpoint, words. */
    public static FormsSchoolContext context(ResolvedSite site, SchoolForms forms, Map<String, Messages> messages) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        for (String language : site.languages()) {
            names.put(language, site.source().settings().name().inOrEnglish(language));
            texts.put(language, site.source().settings().words().applyTo(messages.get(language).all()));
        }
        var settings = site.source().settings();
        return new FormsSchoolContext(forms, names, settings.contactEmail(), settings.formsEndpoint(), texts,
                site.source().kind() == org.polisi.site.content.SiteSource.Kind.CLUSTER,
                roleTitles(settings.attributes(), site.languages()));
    }

    /**
     * What the school calls each staff role, from its {@code <role>-title} attributes (the content's
     * own convention: Brynford's {@code online-safety-coordinator-title} is "Digital Leader", used in
     * its pages as {@code {online-safety-coordinator-title}}), by account word and language, for the
     * forms manifest (ADR 0101). A language the attribute gives no value in is left out.
     *
     * @param attributes the school's {@code attributes:} (its template's under its own)
     * @param languages  the languages the school publishes
     * @return account word → language → title, staff roles only (ordered as {@link StaffRole}), never null
     */
    public static Map<String, Map<String, String>> roleTitles(Map<String, org.polisi.site.content.LocalizedText> attributes,
                                                              java.util.List<String> languages) {
        Map<String, Map<String, String>> titles = new LinkedHashMap<>();
        for (StaffRole role : StaffRole.values()) {
            org.polisi.site.content.LocalizedText title = attributes.get(role.word() + "-title");
            if (title == null) {
                continue;
            }
            Map<String, String> byLanguage = new LinkedHashMap<>();
            languages.forEach(language -> title.in(language).filter(text -> !text.isBlank())
                    .ifPresent(text -> byLanguage.put(language, text.strip())));
            if (!byLanguage.isEmpty()) {
                titles.put(role.word(), byLanguage);
            }
        }
        return titles;
    }
}
