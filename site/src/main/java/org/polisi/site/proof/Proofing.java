package org.polisi.site.proof;

import org.polisi.site.content.SourceLine;
import org.polisi.site.fork.ResolvedPage;
import org.polisi.site.fork.ResolvedSite;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The proofing stage: spelling of every page, form, setting and interface bundle in every
 * language with a dictionary, the glossary's terms in Welsh, and the English-only marker on Welsh
 * links. Findings are warnings (a draft is not held back by a word the dictionary lacks); each is
 * reported once at its file and line, however many schools publish that line.
 */
public final class Proofing {
    private final Path contentDir;
    private final Path i18nDir;

    /**
     * @param contentDir {@code content/}: its {@code glossary.yml}, word lists and
     *                   {@code welsh-language-sites.txt}
     * @param i18nDir    the theme's bundles ({@code themes/default/i18n}) and their own word list
     */
    public Proofing(Path contentDir, Path i18nDir) {
        this.contentDir = contentDir;
        this.i18nDir = i18nDir;
    }

    /** Starts reading the dictionaries these sites need, so that {@link #run} rarely waits for them. */
    public static void preload(List<ResolvedSite> sites) {
        Set<String> languages = new LinkedHashSet<>(List.of("en"));
        sites.forEach(site -> languages.addAll(site.languages()));
        Dictionaries.preload(languages);
    }

    /** Proofs the sites and the interface bundles, adding every finding to {@code problems}. */
    public ProofResult run(List<ResolvedSite> sites, Problems problems) {
        Problems setup = new Problems();
        WordList project = WordList.read(contentDir.resolve(WordList.FILE_NAME), setup);
        GlossaryCheck glossary = new GlossaryCheck(Glossary.read(contentDir.resolve("glossary.yml"), setup));
        EnglishOnlyLinks links = EnglishOnlyLinks.read(contentDir.resolve(EnglishOnlyLinks.FILE_NAME), setup);
        List<SiteFindings> found = sites.parallelStream()
                .map(site -> new SiteProof(site, wordList(site, project, setup), glossary, links).run())
                .toList();
        WordList theme = project.and(WordList.read(i18nDir.resolve(WordList.FILE_NAME), setup));
        SiteFindings bundles = new SiteProof(null, theme, glossary, links).runBundles(i18nDir);
        Map<String, Map<String, ProofResult.Counts>> counts = new LinkedHashMap<>();
        Set<String> reported = new LinkedHashSet<>();
        setup.all().stream().filter(p -> reported.add(key(p))).forEach(problems::add);
        for (SiteFindings findings : concat(found, bundles)) {
            counts.put(findings.site(), findings.counts());
            findings.problems().stream().filter(p -> reported.add(key(p))).forEach(problems::add);
        }
        return new ProofResult(Collections.unmodifiableMap(counts));
    }

    private static List<SiteFindings> concat(List<SiteFindings> sites, SiteFindings bundles) {
        List<SiteFindings> all = new ArrayList<>(sites);
        all.add(bundles);
        return all;
    }

    private static String key(Problem problem) {
        return problem.code() + "|" + problem.file() + "|" + problem.line() + "|" + problem.message();
    }

    private static WordList wordList(ResolvedSite site, WordList project, Problems problems) {
        WordList words = project.and(WordList.read(site.source().dir().resolve(WordList.FILE_NAME), problems));
        if (site.template().isPresent()) {
            words = words.and(WordList.read(site.template().get().dir().resolve(WordList.FILE_NAME), problems));
        }
        return words;
    }

    record SiteFindings(String site, Map<String, ProofResult.Counts> counts, List<Problem> problems) {
    }

    /** One site's proofing, on one thread. */
    private static final class SiteProof {
        private final ResolvedSite site;
        private final WordList words;
        private final GlossaryCheck glossary;
        private final EnglishOnlyLinks links;
        private final Map<String, ProofResult.Counts> counts = new TreeMap<>();
        private final Problems problems = new Problems();

        SiteProof(ResolvedSite site, WordList words, GlossaryCheck glossary, EnglishOnlyLinks links) {
            this.site = site;
            this.words = words;
            this.glossary = glossary;
            this.links = links;
        }

        SiteFindings run() {
            site.languages().forEach(language -> count(language, new ProofResult.Counts(0, 0)));
            List<Prose> prose = new ArrayList<>();
            List<Counterparts> pairs = new ArrayList<>();
            for (String language : site.languages()) {
                for (ResolvedPage page : site.pages(language).values()) {
                    Map<String, List<Prose>> sections = PageProse.sections(site, page);
                    sections.values().forEach(prose::addAll);
                    if (!language.equals("en")) {
                        site.page("en", page.key()).ifPresent(english -> pair(PageProse.sections(site, english), sections, pairs));
                        page.body().forEach(this::checkLinks);
                    }
                }
            }
            Set<Path> yaml = new LinkedHashSet<>();
            site.template().ifPresent(t -> addYaml(t.dir(), t.formsDir(), yaml));
            addYaml(site.source().dir(), site.source().formsDir(), yaml);
            yaml.forEach(file -> YamlProse.read(file, prose, pairs));
            check(prose, pairs);
            return new SiteFindings(site.id(), counts, problems.all());
        }

        SiteFindings runBundles(Path i18nDir) {
            List<Prose> prose = new ArrayList<>();
            List<Counterparts> pairs = new ArrayList<>();
            BundleProse.read(i18nDir, prose, pairs);
            prose.forEach(line -> count(line.language(), new ProofResult.Counts(0, 0)));
            check(prose, pairs);
            return new SiteFindings(ProofResult.INTERFACE, counts, problems.all());
        }

        private void check(List<Prose> prose, List<Counterparts> pairs) {
            Map<String, Optional<SpellCheck>> spelling = new TreeMap<>();
            for (Prose line : prose) {
                Optional<SpellCheck> check = spelling.computeIfAbsent(line.language(), this::spellCheck);
                check.ifPresent(c -> spell(c, line));
                if (!line.language().equals("en")) {
                    glossary.avoided(line).forEach(f -> glossary(f));
                }
            }
            pairs.forEach(pair -> glossary.counterparts(pair).forEach(this::glossary));
        }

        private Optional<SpellCheck> spellCheck(String language) {
            Optional<Speller> other = Dictionaries.of(language.equals("en") ? "cy" : "en");
            return Dictionaries.of(language).map(speller -> new SpellCheck(speller, other, words));
        }

        private void spell(SpellCheck check, Prose line) {
            for (String word : check.unknown(line.text())) {
                List<String> suggestions = check.suggest(word);
                problems.warning("spelling", line.file(), line.line(), "'" + word + "' is not in the " + line.language()
                        + " dictionary" + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?")
                        + " If it is right, add it to a words.txt with a comment saying why");
                count(line.language(), new ProofResult.Counts(1, 0));
            }
        }

        private void glossary(GlossaryCheck.Finding finding) {
            problems.warning("glossary", finding.where().file(), finding.where().line(), finding.message());
            count(finding.where().language(), new ProofResult.Counts(0, 1));
        }

        private void checkLinks(SourceLine line) {
            if (line.file() == null || line.text().strip().startsWith("//")) {
                return;
            }
            links.check(line).ifPresent(message -> {
                problems.warning("glossary", line.file(), line.number(), message);
                count("cy", new ProofResult.Counts(0, 1));
            });
        }

        private void count(String language, ProofResult.Counts more) {
            counts.merge(language, more, ProofResult.Counts::plus);
        }

        private static void pair(Map<String, List<Prose>> english, Map<String, List<Prose>> translated, List<Counterparts> pairs) {
            english.forEach((id, lines) -> {
                List<Prose> counterpart = translated.get(id);
                if (counterpart != null && !counterpart.isEmpty()) {
                    pairs.add(new Counterparts(lines, counterpart));
                }
            });
        }

        private static void addYaml(Path dir, Path formsDir, Set<Path> files) {
            Stream.of("school.yml", "cluster.yml").map(dir::resolve).filter(Files::isRegularFile).forEach(files::add);
            if (formsDir != null && Files.isDirectory(formsDir)) {
                try (Stream<Path> forms = Files.list(formsDir)) {
                    forms.filter(f -> f.toString().endsWith(".yml")).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + formsDir, e);
                }
            }
        }
    }
}
