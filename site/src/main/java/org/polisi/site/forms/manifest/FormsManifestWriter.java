package org.polisi.site.forms.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.FormsSchoolContext;

/**
 * Writes {@code <manifests dir>/<school>.json} in the shape of docs/forms.md: every form of the school,
 * its full definition in each language, and for the forms the pages rendered, the version and page of
 * each language. The forms server reads nothing else, so nothing about a form is defined twice.
 */
public final class FormsManifestWriter {

    private FormsManifestWriter() {
    }

    /**
     * @param rendered what the build's {@code forms.markup.FormsSession} rendered; other schools' entries are skipped
     * @throws IllegalArgumentException when {@code rendered} names an unknown form, or gives one form
     *                                  two versions in the same language
     */
    public static void write(Path manifestsDir, String schoolId, FormsSchoolContext context, List<RenderedForm> rendered)
            throws IOException {
        List<String> languages = context.forms().languages();
        ObjectNode manifest = FormJson.MAPPER.createObjectNode();
        manifest.put("school", schoolId);
        ObjectNode names = manifest.putObject("schoolName");
        languages.forEach(language -> names.put(language, context.schoolNameByLang().get(language)));
        languages.forEach(manifest.putArray("languages")::add);
        manifest.put("contactEmail", context.contactEmail());
        manifest.put("endpoint", context.schoolEndpoint());
        Map<String, Map<String, RenderedForm>> renderedById = byFormAndLanguage(schoolId, context, rendered);
        ArrayNode forms = manifest.putArray("forms");
        for (FormDefinition form : context.forms().all()) {
            Map<String, RenderedForm> byLanguage = renderedById.getOrDefault(form.id(), Map.of());
            ObjectNode json = FormJson.head(form);
            // Not part of FormJson.head: who signs is not what is signed, so it does not change the version.
            form.signedBy().ifPresent(group -> json.put("signedBy", group.yamlName()));
            ObjectNode versions = json.putObject("versions");
            ObjectNode pages = json.putObject("pages");
            for (String language : languages) {
                RenderedForm one = byLanguage.get(language);
                if (one != null) {
                    versions.put(language, one.version());
                    pages.put(language, one.pageUrl());
                }
            }
            json.setAll(FormJson.body(form, context, languages));
            forms.add(json);
        }
        writeAtomically(manifestsDir.resolve(schoolId + ".json"), manifest);
    }

    private static Map<String, Map<String, RenderedForm>> byFormAndLanguage(
            String schoolId, FormsSchoolContext context, List<RenderedForm> rendered) {
        Map<String, Map<String, RenderedForm>> byForm = new HashMap<>();
        for (RenderedForm one : rendered) {
            if (!one.school().equals(schoolId)) {
                continue;
            }
            if (!context.forms().contains(one.formId())) {
                throw new IllegalArgumentException("rendered form '" + one.formId() + "' is not a form of " + schoolId);
            }
            RenderedForm earlier = byForm.computeIfAbsent(one.formId(), id -> new HashMap<>()).putIfAbsent(one.lang(), one);
            if (earlier != null && !earlier.equals(one)) {
                throw new IllegalArgumentException("form '" + one.formId() + "' of " + schoolId + " was rendered twice in '"
                        + one.lang() + "' (" + earlier.pageUrl() + ", " + one.pageUrl() + "): the server accepts one version");
            }
        }
        return byForm;
    }

    /** The server may be reading the old manifest while the build runs: it sees the old or the new, never half. */
    private static void writeAtomically(Path target, ObjectNode manifest) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".part");
        try {
            FormJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), manifest);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
