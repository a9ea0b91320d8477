package org.polisi.site.forms;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.extension.ExtensionGroup;
import org.polisi.site.forms.definition.FormDefinitionException;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.definition.SchoolForms;
import org.polisi.site.forms.markup.FormMacro;
import org.polisi.site.forms.markup.FormPage;
import org.polisi.site.forms.markup.FormsSession;
import org.polisi.site.forms.markup.StatementMacro;

/** The fixture forms under src/test/resources/forms, the real message bundles, and page conversion. */
public final class FormsFixtures {

    public static final List<String> BILINGUAL = List.of("en", "cy");

    private FormsFixtures() {
    }

    public static Path dir(String name) {
        try {
            return Path.of(FormsFixtures.class.getResource("/forms/" + name).toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** Rumney: adopts the cluster, overrides its parent-carer-agreement, publishes English and Welsh. */
    public static SchoolForms rumneyForms() throws FormDefinitionException {
        return SchoolForms.load("rumney", BILINGUAL, List.of(dir("cluster/forms"), dir("school/forms")));
    }

    public static FormsSchoolContext rumney(SchoolForms forms) {
        return new FormsSchoolContext(forms,
                Map.of("en", "Rumney Primary School", "cy", "Ysgol Gynradd Rumney"),
                "office@rumney.example.sch.uk", "/forms",
                Map.of("en", bundle("en"), "cy", bundle("cy")));
    }

    public static FormsSchoolContext rumney() throws FormDefinitionException {
        return rumney(rumneyForms());
    }

    /** The bundle the theme ships, read as UTF-8 as the build reads it. */
    public static Map<String, String> bundle(String language) {
        Path file = repositoryRoot().resolve("themes/default/i18n/forms_" + language + ".properties");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            Map<String, String> messages = new TreeMap<>();
            properties.stringPropertyNames().forEach(key -> messages.put(key, properties.getProperty(key)));
            return messages;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Surefire sets polisi.root; from an IDE the tests run in site/. */
    public static Path repositoryRoot() {
        String root = System.getProperty("polisi.root");
        Path start = root == null ? Path.of("").toAbsolutePath() : Path.of(root);
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("themes/default/i18n"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no themes/default/i18n above " + start);
    }

    /**
     * Converts a page body of Rumney's as the renderer does: with a {@link FormMacro} and a
     * {@link StatementMacro} bound to
     * {@code session} and told the page it is on, registered for this conversion only.
     */
    public static String convert(Asciidoctor asciidoctor, FormsSession session, String language, String pageHash, String pageUrl,
                          String body) {
        FormPage page = new FormPage("rumney", language, pageHash, pageUrl);
        ExtensionGroup macro = asciidoctor.createGroup().blockMacro(new FormMacro(session, () -> Optional.of(page)))
                .inlineMacro(new StatementMacro(session, () -> Optional.of(page)));
        macro.register();
        try {
            return asciidoctor.convert(body, Options.builder().safe(SafeMode.SAFE).standalone(false).build());
        } finally {
            macro.unregister();
        }
    }

    public static String page(String formId) {
        return "= A policy\n\nSome text of the policy.\n\nform::" + formId + "[]\n";
    }
}
