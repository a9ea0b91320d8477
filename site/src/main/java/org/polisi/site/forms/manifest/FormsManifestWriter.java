package org.polisi.site.forms.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polisi.contract.Manifest;
import org.polisi.contract.ManifestJson;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.FormsSchoolContext;

/**
 * Writes {@code <manifests dir>/<school>.json} in the shape of docs/forms.md, as the contract's typed
 * {@link Manifest} (docs/adr/0039): every form of the school, its full definition in each language, and
 * for the forms the pages rendered, the version and page of each language. The forms server reads
 * nothing else, strictly, so nothing about a form is defined twice.
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
        Map<String, Map<String, RenderedForm>> renderedById = byFormAndLanguage(schoolId, context, rendered);
        List<org.polisi.contract.FormDefinition> forms = new ArrayList<>();
        for (FormDefinition form : context.forms().all()) {
            Map<String, RenderedForm> byLanguage = renderedById.getOrDefault(form.id(), Map.of());
            Map<String, String> versions = new LinkedHashMap<>();
            Map<String, String> pages = new LinkedHashMap<>();
            for (String language : languages) {
                RenderedForm one = byLanguage.get(language);
                if (one != null) {
                    versions.put(language, one.version());
                    pages.put(language, one.pageUrl());
                }
            }
            forms.add(ManifestForm.of(form, context, languages, versions, pages));
        }
        Map<String, String> names = new LinkedHashMap<>();
        languages.forEach(language -> names.put(language, context.schoolNameByLang().get(language)));
        // A template's preview says so: the server refuses its submissions.
        // what the school calls its staff roles, for the server's pages (ADR 0101); no form's version reads it
        Manifest manifest = new Manifest(schoolId, names, languages, context.contactEmail(), context.schoolEndpoint(), forms,
                context.preview(), context.roleTitles());
        writeAtomically(manifestsDir.resolve(schoolId + ".json"), ManifestJson.write(manifest));
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
    private static void writeAtomically(Path target, String manifest) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".part");
        try {
            Files.writeString(partial, manifest, StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
