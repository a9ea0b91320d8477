package org.polisi.site.history;

import org.polisi.site.catalog.CatalogStage;
import org.polisi.site.compose.FormReferences;
import org.polisi.site.compose.SettingsUsed;
import org.polisi.site.content.LocalizedText;
import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.FormDefinitionException;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.forms.manifest.FormVersion;
import org.polisi.site.theme.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A page as a reader sees it, as far as its sources decide (tester 6's N3; docs/adr/0099): its text
 * as resolved (the school's file and the template sections it inherits), the school's settings that
 * text uses with their values in the page's language ({@link SettingsUsed}, as the form version's
 * page hash chooses them, docs/adr/0066), and the definition text of every form it embeds or quotes
 * ({@code form::id[]}, {@code statement:id[...]}) in its language, exactly as {@link FormVersion}
 * hashes it. Two versions of a page whose composed texts are equal (beyond white space) look the
 * same to a reader; a setting the page does not use, or a form it does not embed, leaves it alone.
 *
 * @param body     the resolved text ({@link ResolvedPage#bodyText})
 * @param settings the used settings, one {@code name: value} line each, in name order
 * @param forms    the embedded forms' definition texts, in the order the page names them
 */
public record ComposedText(String body, String settings, String forms) {
    /** A form embedded on a line of its own (as {@code compose.FormReferences} reads it). */
    private static final Pattern FORM = Pattern.compile("^form::([^\\[\\s]*)\\[.*]\\s*$");
    /** A form's statement quoted in the text ({@code forms.markup.StatementMacro}). */
    private static final Pattern STATEMENT = Pattern.compile("statement:([^\\[\\s]+)\\[");

    /** What the page shows outside its forms: its text with the settings it uses (an earlier version's page shows this). */
    String shown() {
        return body + "\n\u0000settings\n" + settings;
    }

    /** Everything: {@link #shown} and the forms' definitions. */
    String all() {
        return shown() + "\n\u0000forms\n" + forms;
    }

    /**
     * @param site     the site the page belongs to, at the same version as the page
     * @param page     the page
     * @param forms    the site's forms at that version (empty when they could not be read: then the
     *                 forms' part says only that, so an unreadable version never looks unchanged by accident)
     * @param messages the theme's bundles by language (a form's definition text includes its notices' words)
     */
    static ComposedText of(ResolvedSite site, ResolvedPage page, Optional<SchoolForms> forms, Map<String, Messages> messages) {
        String language = page.language();
        StringBuilder settings = new StringBuilder();
        Map<String, LocalizedText> values = site.source().settings().attributes();
        SettingsUsed.by(page.title() + "\n" + page.bodyText(), values, List.of()).forEach((name, value) ->
                settings.append(name).append(": ").append(value.inOrEnglish(language)).append('\n'));
        Set<String> ids = embeddedForms(page);
        StringBuilder text = new StringBuilder();
        if (!ids.isEmpty()) {
            if (forms.isEmpty()) {
                text.append("\u0000unreadable forms\n");
            } else {
                FormsSchoolContext school = FormReferences.context(site, forms.get(), messages);
                for (String id : ids) {
                    Optional<FormDefinition> form = forms.get().find(id);
                    text.append(id).append(": ");
                    try {
                        text.append(form.map(f -> FormVersion.definitionText(f, school, language)).orElse("\u0000none"));
                    } catch (RuntimeException unreadable) {     // a definition its own check reports
                        text.append("\u0000unreadable");
                    }
                    text.append('\n');
                }
            }
        }
        return new ComposedText(page.bodyText(), settings.toString(), text.toString());
    }

    /** The ids of the forms the page embeds ({@code form::id[]}) or quotes ({@code statement:id[...]}), in the order it names them. */
    public static Set<String> embeddedForms(ResolvedPage page) {
        Set<String> ids = new LinkedHashSet<>();
        for (SourceLine line : page.body()) {
            Matcher form = FORM.matcher(line.text().trim());
            if (form.matches()) {
                ids.add(form.group(1));
            }
            Matcher statement = STATEMENT.matcher(line.text());
            while (statement.find()) {
                ids.add(statement.group(1));
            }
        }
        return ids;
    }

    /** The site's forms as the build reads them ({@code catalog.CatalogStage}), empty when they cannot be read. */
    static Optional<SchoolForms> formsOf(ResolvedSite site) {
        try {
            return Optional.of(SchoolForms.load(site.id(), site.languages(), CatalogStage.formsDirs(site)));
        } catch (FormDefinitionException | UncheckedIOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The files besides the page's own whose change can alter what the page shows: the settings of
     * the school and its template, and the definition files of the forms the page embeds (a file
     * named after the form's id, in the template's or the school's forms folder; every form file of
     * the site when an embedded form is in no file of its name).
     */
    static List<Path> contextFiles(ResolvedSite site, ResolvedPage page) {
        List<Path> files = new ArrayList<>();
        site.template().map(template -> template.settings().file()).filter(f -> f != null).ifPresent(files::add);
        Optional.ofNullable(site.source().settings().file()).ifPresent(files::add);
        Set<String> ids = embeddedForms(page);
        if (ids.isEmpty()) {
            return files;
        }
        List<Path> all = new ArrayList<>();
        for (Path dir : CatalogStage.formsDirs(site)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().forEach(all::add);
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot list forms in " + dir, unreadable);
            }
        }
        List<Path> named = all.stream().filter(f -> ids.contains(stem(f))).toList();
        boolean everyFormNamed = ids.stream().allMatch(id -> named.stream().anyMatch(f -> stem(f).equals(id)));
        files.addAll(everyFormNamed ? named : all);
        return files;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".yml".length());
    }
}
