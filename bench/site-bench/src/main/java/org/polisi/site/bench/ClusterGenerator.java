package org.polisi.site.bench;

import org.polisi.site.fork.SectionIndex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic project for benchmarks: a cluster template ({@code bench}) and N schools that
 * adopt it, each in English and Welsh, under {@code <out>/content}. Every school publishes the same
 * 20 page keys per language (six policies, twelve appendices, a withdrawal page and a contact page),
 * with sections, lists, tables with {@code tick:[]}, {@code policy:} references, cross-references,
 * three embedded forms, and an adapted online safety policy (a replaced and an inserted section).
 *
 * <p>The text is generated, not real Welsh: the "Welsh" words are a different vocabulary, so no
 * Welsh paragraph equals an English one and the build's untranslated-paragraph check passes.
 * Output is deterministic: the same N gives the same files.
 */
public final class ClusterGenerator {
    public static final String CLUSTER = "bench";
    static final String[] POLICIES = {"online-safety-policy", "acceptable-use-policy", "data-protection-policy",
            "mobile-devices-policy", "social-media-policy", "remote-learning-policy"};
    static final String[] LANGUAGES = {"en", "cy"};
    private static final int APPENDICES = 12;
    /** Appendices that embed a form, by index (0 = appendix A). */
    private static final String[] APPENDIX_FORMS = {null, null, "acceptable-use-agreement", "digital-images-consent",
            null, null, null, null, null, null, null, null};

    private static final String[] EN = ("school pupils staff internet safety policy learning digital devices parents "
            + "carers governors access filtering monitoring report incident training network systems personal data "
            + "images consent online behaviour responsibility teachers classroom agreement review security email "
            + "website community support guidance risks technology children young people education use appropriate "
            + "will should must ensure provide understand protect respect share store").split(" ");
    private static final String[] CY = ("ysgol disgyblion staff rhyngrwyd diogelwch polisi dysgu digidol dyfeisiau rhieni "
            + "gofalwyr llywodraethwyr mynediad hidlo monitro adrodd digwyddiad hyfforddiant rhwydwaith systemau data "
            + "personol delweddau caniatad ar-lein ymddygiad cyfrifoldeb athrawon dosbarth cytundeb adolygu diogelwch "
            + "ebost gwefan cymuned cymorth canllawiau peryglon technoleg plant pobl ifanc addysg defnydd priodol bydd "
            + "dylai rhaid sicrhau darparu deall diogelu parchu rhannu storio").split(" ");
    private static final String[] SECTION_TITLES = {"Background", "Scope", "Roles and responsibilities", "Governors",
            "Headteacher", "Teaching staff", "Pupils", "Parents and carers", "Filtering", "Monitoring", "Training",
            "Reporting", "Review"};

    private final Path contentDir;

    public ClusterGenerator(Path contentDir) {
        this.contentDir = contentDir;
    }

    /** Writes the template and {@code schools} schools; returns the number of pages a build will bake per school. */
    public int generate(int schools) throws IOException {
        Path cluster = contentDir.resolve("clusters").resolve(CLUSTER);
        write(cluster.resolve("cluster.yml"), clusterYaml());
        write(cluster.resolve("words.txt"), wordList());
        List<String> keys = new ArrayList<>();
        for (String language : LANGUAGES) {
            keys.clear();
            for (int p = 0; p < POLICIES.length; p++) {
                keys.add(POLICIES[p]);
                writePage(cluster, language, POLICIES[p], policy(p, language));
            }
            for (int a = 0; a < APPENDICES; a++) {
                String key = appendixKey(a);
                keys.add(key);
                writePage(cluster, language, key, appendix(a, language));
            }
            keys.add("withdraw-consent");
            writePage(cluster, language, "withdraw-consent", simplePage("withdraw-consent", language, 19,
                    "form::consent-withdrawal[]"));
            keys.add("contact-us");
            writePage(cluster, language, "contact-us", simplePage("contact-us", language, 20, ""));
        }
        write(cluster.resolve("forms/digital-images-consent.yml"), BenchForms.consent());
        write(cluster.resolve("forms/acceptable-use-agreement.yml"), BenchForms.agreement());
        write(cluster.resolve("forms/consent-withdrawal.yml"), BenchForms.withdrawal());
        for (int s = 1; s <= schools; s++) {
            Path school = contentDir.resolve("schools").resolve(schoolId(s));
            write(school.resolve("school.yml"), schoolYaml(s));
            for (String language : LANGUAGES) {
                writePage(school, language, "online-safety-policy", adaptation(s, language));
            }
        }
        return keys.size() * LANGUAGES.length;
    }

    public static String schoolId(int number) {
        return String.format("school-%03d", number);
    }

    static String appendixKey(int index) {
        return "appendix-" + (char) ('a' + index) + "-" + switch (index % 4) {
            case 0 -> "pupil-rules";
            case 1 -> "staff-code";
            case 2 -> "agreement";
            default -> "guidance";
        };
    }

    private void writePage(Path site, String language, String key, String text) throws IOException {
        Path file = site.resolve(language).resolve(key + ".adoc");
        if (!language.equals("en")) {
            String english = Files.readString(site.resolve("en").resolve(key + ".adoc"), StandardCharsets.UTF_8);
            int headerEnd = text.indexOf('\n', text.indexOf('\n') + 1);
            text = text.substring(0, headerEnd + 1) + ":translation-status: reviewed\n:translated-from: "
                    + hashOf(english) + "\n" + text.substring(headerEnd + 1);
        }
        write(file, text);
    }

    /** As {@code TranslationPairer.hashOf}: line endings and trailing spaces ignored. */
    private static String hashOf(String english) {
        StringBuilder normalised = new StringBuilder();
        for (String line : english.replace("\r\n", "\n").split("\n")) {
            normalised.append(line.stripTrailing()).append('\n');
        }
        return SectionIndex.sha(normalised.toString().strip());
    }

    private static String policy(int index, String language) {
        StringBuilder page = new StringBuilder();
        page.append("= ").append(title(POLICIES[index], language)).append('\n')
                .append(":page-kind: policy\n:page-order: ").append(index + 1).append("\n\n");
        int sections = index == 0 ? SECTION_TITLES.length : 6;
        Random random = new Random(index * 1000L);
        for (int s = 0; s < sections; s++) {
            String id = slug(SECTION_TITLES[s]);
            page.append("[[").append(id).append("]]\n== ").append(sectionTitle(s, language)).append("\n\n");
            int paragraphs = 2 + random.nextInt(3);
            for (int p = 0; p < paragraphs; p++) {
                page.append(paragraph(random.nextLong(), language, 40 + random.nextInt(40))).append("\n\n");
            }
            if (s % 3 == 1) {
                for (int item = 0; item < 6; item++) {
                    page.append("* ").append(paragraph(random.nextLong(), language, 8 + random.nextInt(10))).append('\n');
                }
                page.append('\n');
            }
            if (s == 2) {
                page.append(table(random, language)).append('\n');
            }
            if (s == 1) {
                page.append(sentenceStart(language)).append(" policy:anti-bullying-policy[")
                        .append(language.equals("en") ? "anti-bullying policy" : "polisi gwrth-fwlio")
                        .append("] {school-name} {headteacher}.\n\n");
                if (index == 0) {
                    page.append(sentenceStart(language)).append(" xref:").append(appendixKey(2)).append(".adoc[")
                            .append(language.equals("en") ? "Appendix C" : "Atodiad C").append("] ")
                            .append("xref:acceptable-use-policy.adoc#scope[").append(language.equals("en") ? "scope" : "cwmpas")
                            .append("].\n\n");
                }
            }
        }
        return page.toString();
    }

    private static String appendix(int index, String language) {
        StringBuilder page = new StringBuilder();
        String label = String.valueOf((char) ('A' + index));
        page.append("= ").append(language.equals("en") ? "Appendix " : "Atodiad ").append(label).append(": ")
                .append(title(appendixKey(index).substring(11), language)).append('\n')
                .append(":page-kind: appendix\n:page-parent: online-safety-policy\n:appendix-label: ").append(label)
                .append("\n:page-order: ").append(POLICIES.length + index + 1).append("\n\n");
        Random random = new Random(100_000L + index);
        for (int p = 0; p < 3; p++) {
            page.append(paragraph(random.nextLong(), language, 30 + random.nextInt(40))).append("\n\n");
        }
        if (index % 2 == 0) {
            page.append(table(random, language)).append('\n');
        }
        for (int item = 0; item < 5; item++) {
            page.append(". ").append(paragraph(random.nextLong(), language, 8 + random.nextInt(8))).append('\n');
        }
        page.append('\n');
        if (APPENDIX_FORMS[index] != null) {
            page.append("[[form]]\n== ").append(language.equals("en") ? "Form" : "Ffurflen").append("\n\n")
                    .append("form::").append(APPENDIX_FORMS[index]).append("[]\n");
        }
        return page.toString();
    }

    private static String simplePage(String key, String language, int order, String body) {
        Random random = new Random(key.hashCode());
        StringBuilder page = new StringBuilder("= " + title(key, language) + "\n:page-kind: page\n:page-order: " + order + "\n\n");
        for (int p = 0; p < 2; p++) {
            page.append(paragraph(random.nextLong(), language, 30)).append("\n\n");
        }
        return page.append(body).append('\n').toString();
    }

    /** The school's own online safety policy: the template's, with one section replaced and one added. */
    private static String adaptation(int school, String language) {
        Random random = new Random(school * 7919L);
        String en = language.equals("en") ? "" : "";
        StringBuilder page = new StringBuilder("= " + title("online-safety-policy", language) + en + "\n:adapts-template:\n\n");
        page.append("// polisi: replace training\n[[training]]\n== ").append(sectionTitle(10, language)).append("\n\n");
        for (int p = 0; p < 2; p++) {
            page.append(paragraph(random.nextLong(), language, 50)).append("\n\n");
        }
        page.append("// polisi: insert-after scope\n[[local-arrangements]]\n== ")
                .append(language.equals("en") ? "Local arrangements" : "Trefniadau lleol").append("\n\n")
                .append(paragraph(random.nextLong(), language, 60)).append(" {school-name}.\n");
        return page.toString();
    }

    private static String table(Random random, String language) {
        StringBuilder table = new StringBuilder("[cols=\"3,1,1,1\",options=\"header\"]\n|===\n");
        table.append(language.equals("en") ? "| Activity | Staff | Pupils | Visitors\n" : "| Gweithgaredd | Staff | Disgyblion | Ymwelwyr\n");
        for (int row = 0; row < 6; row++) {
            table.append("| ").append(paragraph(random.nextLong(), language, 5));
            for (int column = 0; column < 3; column++) {
                table.append(" | ").append(random.nextBoolean() ? "tick:[]" : "");
            }
            table.append('\n');
        }
        return table.append("|===\n").toString();
    }

    private static String paragraph(long seed, String language, int words) {
        String[] vocabulary = language.equals("en") ? EN : CY;
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = vocabulary[random.nextInt(vocabulary.length)];
            if (w == 0) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            text.append(w == 0 ? "" : " ").append(word);
            if (w > 0 && w < words - 1 && random.nextInt(12) == 0) {
                text.append(random.nextBoolean() ? "," : ".");
            }
        }
        return text.append('.').toString();
    }

    private static String sentenceStart(String language) {
        return language.equals("en") ? "See also" : "Gweler hefyd";
    }

    private static String sectionTitle(int index, String language) {
        return language.equals("en") ? SECTION_TITLES[index] : "Adran " + CY[index * 3 % CY.length] + " " + (index + 1);
    }

    private static String title(String key, String language) {
        String words = key.replace('-', ' ');
        String english = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return language.equals("en") ? english : "Polisi " + CY[Math.abs(key.hashCode()) % CY.length] + " " + key.length();
    }

    /**
     * The cluster's word list for the spell check (docs/adr/0034): the generated text is not real
     * prose, so its whole vocabulary is listed, each word with the reason, and the benchmark
     * measures checking a clean cluster, as a real one would be.
     */
    private static String wordList() {
        StringBuilder list = new StringBuilder("# Generated by BenchCommand generate (bench/site-bench): the synthetic text's vocabulary.\n");
        java.util.TreeSet<String> words = new java.util.TreeSet<>(List.of(EN));
        words.addAll(List.of(CY));
        words.addAll(List.of("meincnod", "clwstwr", "templed", "adran", "GDPR", "Co-ordinator"));
        words.forEach(word -> list.append(word).append("  # a word of the benchmark's generated text\n"));
        return list.toString();
    }

    private static String slug(String title) {
        return title.toLowerCase().replace(' ', '-');
    }

    private static String clusterYaml() {
        return """
                # Generated by BenchCommand generate (bench/site-bench): a synthetic template for benchmarks.
                name: {en: Bench cluster template, cy: Templed clwstwr meincnod}
                languages: [en, cy]
                local-authority: {en: Bench County Council, cy: Cyngor Sir Meincnod}
                roles:
                  headteacher: {en: the Headteacher, cy: y Pennaeth}
                  online-safety-coordinator: {en: the Online Safety Co-ordinator, cy: y Cydlynydd Diogelwch Ar-lein}
                  safeguarding-lead: {en: the Child Protection Officer, cy: y Swyddog Amddiffyn Plant}
                  online-safety-governor: {en: the online safety governor, cy: y llywodraethwr diogelwch ar-lein}
                  chair-of-governors: {en: the Chair of Governors, cy: Cadeirydd y Llywodraethwyr}
                policy:
                  version: ""
                  last-updated: ""
                  approved-by: ""
                  approved-on: ""
                  review-due: ""
                attributes:
                  school-name: {en: the school, cy: yr ysgol}
                """;
    }

    private static String schoolYaml(int number) {
        String id = schoolId(number);
        return """
                # Generated by BenchCommand generate (bench/site-bench).
                name: {en: Bench School %1$d, cy: Ysgol Meincnod %1$d}
                languages: [en, cy]
                adopts: bench
                local-authority: {en: Bench County Council, cy: Cyngor Sir Meincnod}
                # each role's title in each language, as a bilingual school writes it (docs/adr/0104)
                roles:
                  headteacher: {en: Head Teacher %1$d, cy: Pennaeth %1$d}
                  online-safety-coordinator: {en: Co-ordinator %1$d, cy: Cydlynydd %1$d}
                  safeguarding-lead: {en: Safeguarding Lead %1$d, cy: Arweinydd Diogelu %1$d}
                  online-safety-governor: {en: Governor %1$d, cy: Llywodraethwr %1$d}
                  chair-of-governors: {en: Chair %1$d, cy: Cadeirydd %1$d}
                policy:
                  version: "2026.1"
                  last-updated: 2026-01-15
                  approved-by: ""
                  approved-on: ""
                  review-due: 2027-01-31
                contact-email: office@%2$s.test
                forms-endpoint: /forms
                base-url: http://localhost:7070/%2$s/
                attributes:
                  school-name: {en: Bench School %1$d, cy: Ysgol Meincnod %1$d}
                """.formatted(number, id);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
