package org.polisi.site.forms.definition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * All the forms one school can embed: its cluster template's forms, overridden by the school's own
 * forms of the same id. Loading checks every file and reports every problem at once.
 */
public final class SchoolForms {

    private final String schoolId;
    private final List<String> languages;
    private final Map<String, FormDefinition> byId;

    private SchoolForms(String schoolId, List<String> languages, Map<String, FormDefinition> byId) {
        this.schoolId = schoolId;
        this.languages = List.copyOf(languages);
        this.byId = Collections.unmodifiableMap(byId);
    }

    /**
     * @param formDirs folders in precedence order, lowest first (the cluster's, then the school's);
     *                 a folder that does not exist has no forms
     * @throws FormDefinitionException listing every problem, each with file and line
     */
    public static SchoolForms load(String schoolId, List<String> languages, List<Path> formDirs)
            throws FormDefinitionException {
        FormDefinitionReader reader = new FormDefinitionReader(languages);
        List<FormProblem> problems = new ArrayList<>();
        Map<String, FormDefinition> byId = new TreeMap<>();
        for (Path dir : formDirs) {
            byId.putAll(loadFolder(dir, reader, problems));
        }
        if (!problems.isEmpty()) {
            throw new FormDefinitionException(problems);
        }
        return new SchoolForms(schoolId, languages, byId);
    }

    /** One folder's forms; the same id twice in one folder is a mistake, unlike a school overriding its template. */
    private static Map<String, FormDefinition> loadFolder(Path dir, FormDefinitionReader reader, List<FormProblem> problems) {
        Map<String, FormDefinition> byId = new TreeMap<>();
        for (Path file : formFiles(dir, problems)) {
            FormDefinitionReader.Result result = reader.read(file);
            problems.addAll(result.problems());
            result.definition().ifPresent(definition -> {
                FormDefinition earlier = byId.putIfAbsent(definition.id(), definition);
                if (earlier != null) {
                    problems.add(new FormProblem(file, 1, "form id '" + definition.id()
                            + "' is already defined in " + earlier.source() + " (same folder)"));
                }
            });
        }
        return byId;
    }

    private static List<Path> formFiles(Path dir, List<FormProblem> problems) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> all = files.filter(Files::isRegularFile).sorted().toList();
            all.stream().filter(file -> file.toString().endsWith(".yaml")).forEach(file ->
                    problems.add(new FormProblem(file, 1, "form files end in .yml: rename it so that it is read")));
            return all.stream().filter(file -> file.toString().endsWith(".yml")).toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot list forms in " + dir, unreadable);
        }
    }

    public String schoolId() {
        return schoolId;
    }

    /** The languages the school publishes, in its order; every form has every text in each. */
    public List<String> languages() {
        return languages;
    }

    public boolean contains(String formId) {
        return byId.containsKey(formId);
    }

    public Optional<FormDefinition> find(String formId) {
        return Optional.ofNullable(byId.get(formId));
    }

    /** Every form, ordered by id. */
    public Collection<FormDefinition> all() {
        return byId.values();
    }
}
