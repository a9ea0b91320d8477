package org.polisi.site.compose;

import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.definition.FormDefinitionException;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.problem.Problems;
import org.polisi.site.theme.Messages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.polisi.contract.FormKind;

/**
 * Prepares a site's forms for rendering: loads its form definitions (the template's, then the
 * school's own) and checks, before anything is rendered, that every {@code form::id[]} line names
 * a form the school has, so an unknown id is reported at the author's file and line.
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

    /** Where a site's forms are, lowest precedence first: its template's folder, then its own. */
    public static List<Path> formsDirs(ResolvedSite site) {
        List<Path> dirs = new ArrayList<>();
        site.template().ifPresent(template -> dirs.add(template.formsDir()));
        dirs.add(site.source().formsDir());
        return dirs;
    }

    public static Optional<FormsSchoolContext> prepare(ResolvedSite site, Map<String, Messages> messages, Problems problems) {
        List<Path> dirs = formsDirs(site);
        SchoolForms forms;
        try {
            forms = SchoolForms.load(site.id(), site.languages(), dirs);
        } catch (FormDefinitionException e) {
            e.problems().forEach(p -> problems.error("bad-form", p.file(), p.line(), p.message()));
            return Optional.empty();
        }
        for (ResolvedPage page : site.allPages()) {
            for (SourceLine line : page.body()) {
                Matcher macro = FORM_MACRO.matcher(line.text().trim());
                if (macro.matches() && !forms.contains(macro.group(1))) {
                    problems.error("unknown-form", line.file(), line.number(),
                            "no form '" + macro.group(1) + "' in " + site.id() + "'s forms folders " + dirs);
                } else if (macro.matches() && withdrawsNothing(forms, macro.group(1))) {
                    problems.error("withdrawal-without-consent", line.file(), line.number(),
                            "form '" + macro.group(1) + "' is a withdrawal form, but " + site.id()
                                    + " publishes no consent form to withdraw from: remove this page or line,"
                                    + " or add the consent form first");
                }
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        for (String language : site.languages()) {
            names.put(language, site.source().settings().name().inOrEnglish(language));
            texts.put(language, site.source().settings().words().applyTo(messages.get(language).all()));
        }
        var settings = site.source().settings();
        return Optional.of(new FormsSchoolContext(forms, names, settings.contactEmail(), settings.formsEndpoint(), texts));
    }
}
