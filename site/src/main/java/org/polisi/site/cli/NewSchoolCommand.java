package org.polisi.site.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ./polisi new-school --cluster ID --id ID --name "..."}: the way a school starts, adopting
 * its cluster's template whole, with a settings file to fill in and nothing else to write yet. It
 * publishes in the template's languages ({@code languages:} of its {@code cluster.yml}) and writes
 * no role or wording of its own: the template's, given per language, apply until the school gives
 * its own (one English text would be shown on the Welsh pages too; docs/adr/0104).
 * Without {@code --cluster}, a school that stands alone: every setting written out and explained in
 * a comment, a folder per language, and its index page (made by the build from its pages).
 */
@Command(name = "new-school", description = "Start a school: adopting a cluster template (--cluster), or standing alone.")
public final class NewSchoolCommand implements Callable<Integer> {

    @Option(names = "--cluster", description = "the cluster template to adopt; leave out for a school that stands alone")
    String cluster;

    @Option(names = "--country", description = "wales (English and Welsh pages) or england (English only); default: the template's"
            + " languages with --cluster, wales without")
    String country;

    @Option(names = "--id", required = true, description = "the school's id: lower-case letters, digits and hyphens")
    String id;

    @Option(names = "--name", required = true, description = "the school's name in English")
    String name;

    @Option(names = "--welsh-name", description = "the school's name in Welsh (schools in Wales)")
    String welshName;

    @Override
    public Integer call() throws Exception {
        Path content = PolisiCli.projectRoot().resolve("content");
        if (!org.polisi.site.content.Names.isSlug(id)) {
            System.err.println("error: --id '" + id + "' cannot be a school id: " + org.polisi.site.content.Names.advice(id));
            return 2;
        }
        java.util.Optional<String> reserved = org.polisi.site.content.Names.reservedSchoolId(id);
        if (reserved.isPresent()) {
            System.err.println("error: --id '" + id + "' cannot be a school id: " + reserved.get());
            return 2;
        }
        if (country != null && !country.equals("wales") && !country.equals("england")) {
            System.err.println("error: --country must be wales or england");
            return 2;
        }
        if (cluster == null) {
            country = country == null ? "wales" : country;
            return standalone(content);
        }
        Path clusterFile = content.resolve("clusters").resolve(cluster).resolve("cluster.yml");
        if (!Files.isRegularFile(clusterFile)) {
            System.err.println("error: no cluster template " + cluster + " (" + clusterFile + ")");
            return 2;
        }
        Path school = content.resolve("schools").resolve(id);
        if (Files.exists(school)) {
            System.err.println("error: " + school + " already exists");
            return 2;
        }
        // The school publishes in the template's languages, read from its settings (a file that merely
        // contains "cy", as "policy:" does, is not a Welsh template).
        java.util.List<String> languages;
        try {
            languages = org.polisi.site.content.YamlFile.read(clusterFile).list("languages");
        } catch (org.polisi.site.problem.ContentException unreadable) {
            System.err.println("error: the cluster template's settings cannot be read (" + clusterFile + "): "
                    + unreadable.getMessage() + "; ./polisi build --school " + cluster + " says where");
            return 2;
        }
        // --country, when given, is the school's own: an English school may adopt a bilingual template and
        // publish its English pages only (tester 7: --country england was ignored with --cluster)
        boolean wales = country == null ? languages.contains("cy") : country.equals("wales");
        if (wales && !languages.contains("cy")) {
            System.err.println("error: the " + cluster + " template publishes in English only (" + clusterFile + "), and a school"
                    + " in Wales publishes its pages in Welsh too: ask the cluster for Welsh pages, or give --country england");
            return 2;
        }
        Files.createDirectories(school.resolve("en"));
        if (wales) {
            Files.createDirectories(school.resolve("cy"));
        }
        String welsh = welshName == null ? name : welshName;
        String settings = """
                # Settings of %1$s. Every page of the %2$s cluster template is published with these values.
                # To change a template section, add en/<page>.adoc with :adapts-template: (see CONTRIBUTING.md).
                name: {en: "%1$s"%3$s}
                languages: [%4$s]
                adopts: %2$s
                # The roles ({headteacher} and the like) and the template's own values are the template's,%6$s
                # To name the person in a role, add it here, e.g.
                #   roles:
                #     headteacher: Mrs A. Example
                # and give any other wording%7$s.
                policy:
                  version: ""
                  last-updated: ""
                  approved-by: ""      # blank until the governing body approves the policy
                  approved-on: ""
                  review-due: ""
                contact-email: ""
                forms-endpoint: /forms
                base-url: http://localhost:7070/%5$s/
                """.formatted(name.replace("\"", "'"), cluster, wales ? ", cy: \"" + welsh.replace("\"", "'") + "\"" : "",
                wales ? "en, cy" : "en", id, wales ? " in English and Welsh." : ".",
                wales ? " in each language: {en: the Headteacher, cy: y Pennaeth} (docs/adr/0104)" : " in English");
        Files.writeString(school.resolve("school.yml"), settings, StandardCharsets.UTF_8);
        System.out.println("Created " + PolisiCli.projectRoot().relativize(school) + ". Edit school.yml, then run ./polisi build --school " + id);
        noWelshName(wales);
        return 0;
    }

    private int standalone(Path content) throws java.io.IOException {
        Path school = content.resolve("schools").resolve(id);
        if (Files.exists(school)) {
            System.err.println("error: " + school + " already exists");
            return 2;
        }
        boolean wales = country.equals("wales");
        Files.createDirectories(school.resolve("en"));
        if (wales) {
            Files.createDirectories(school.resolve("cy"));
        }
        Files.createDirectories(school.resolve("assets"));
        Files.writeString(school.resolve("school.yml"), StandaloneSettings.text(id, name, welshName, wales), StandardCharsets.UTF_8);
        System.out.println("Created " + PolisiCli.projectRoot().relativize(school) + " (a school that stands alone, "
                + (wales ? "English and Welsh" : "English") + "). Next:");
        System.out.println("  1. fill in school.yml (every setting is explained in it)");
        System.out.println("  2. ./polisi import YOUR-POLICY.docx --school " + id + " --page online-safety-policy");
        System.out.println("  3. ./polisi preview, and open http://localhost:8080/" + id + "/en/index.html (docs/authoring.md)");
        noWelshName(wales);
        return 0;
    }

    /** Without --welsh-name the Welsh pages carry the English name until it is given: said now, and listed by the report. */
    private void noWelshName(boolean wales) {
        if (wales && (welshName == null || welshName.isBlank())) {
            System.out.println("No --welsh-name was given: the Welsh pages show \"" + name + "\" until you give the Welsh name in"
                    + " school.yml (name: {en: ..., cy: ...}); ./polisi report lists it to confirm with the school.");
        }
    }
}
