package org.polisi.site.proof;

import org.polisi.site.BuildOptions;
import org.polisi.site.BuildProgress;
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
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The proofing stage: spelling of every page, form, setting and interface bundle in every
 * language with a dictionary, the glossary's terms in Welsh, and the English-only marker on Welsh
 * links. Findings are warnings (a draft is not held back by a word the dictionary lacks); each is
 * reported once at its file and line, however many schools publish that line.
 */
public final class Proofing {
    /** {@code -Dpolisi.proof=false} leaves proofing out, only so that docs/benchmarks.md can measure its cost. */
    private static final boolean ENABLED = !"false".equals(System.getProperty("polisi.proof"));
    private final Path contentDir;
    private final Path i18nDir;
    private final Dictionaries dictionaries;
    private final Map<String, Speller> spellers = new ConcurrentHashMap<>();

    /**
     * @param contentDir {@code content/}: its {@code glossary.yml}, word lists and
     *                   {@code welsh-language-sites.txt}
     * @param i18nDir    the theme's bundles ({@code themes/default/i18n}) and their own word list
     * @param cacheDir   where the dictionaries' answers are kept between builds (the build's work
     *                   folder), or null to keep none
     */
    public Proofing(Path contentDir, Path i18nDir, Path cacheDir) {
        this(contentDir, i18nDir, cacheDir, new Dictionaries());
    }

    /** @param dictionaries the dictionaries, read once for every build of the process that lends them */
    public Proofing(Path contentDir, Path i18nDir, Path cacheDir, Dictionaries dictionaries) {
        this.contentDir = contentDir;
        this.i18nDir = i18nDir;
        this.dictionaries = dictionaries;
        for (String language : Dictionaries.VERSIONS.keySet()) {
            spellers.put(language, new Speller(language, dictionaries, cacheDir));
        }
    }

    /** A build's proofing: its content and theme, the dictionaries' answers kept in its work folder. */
    public static Proofing of(BuildOptions options, Dictionaries dictionaries) {
        return new Proofing(options.contentDir(), options.themeDir().resolve("i18n"), options.workDir(), dictionaries);
    }

    /**
     * Starts reading, in the background, the dictionaries these sites need and have no cached
     * answers for (a first build), so that {@link #run} rarely waits for them.
     */
    public void preload(List<ResolvedSite> sites) {
        Set<String> languages = new LinkedHashSet<>(List.of("en"));
        sites.forEach(site -> languages.addAll(site.languages()));
        languages.stream().filter(Dictionaries::has).filter(l -> !spellers.get(l).warm()).forEach(dictionaries::hunspell);
    }

    /**
     * Starts proofing the sites on a thread of its own, so that it runs alongside rendering and the
     * HTML checks on the machine's other core instead of after them (it needs only the resolved
     * sources, never the HTML). Nothing is added to the build's problems until {@link Started#join}.
     */
    public Started start(List<ResolvedSite> sites) {
        return start(sites, line -> { });
    }

    /**
     * {@link #start(List)}, reporting how long the run took through {@code progress} when it is
     * joined ({@code -Dpolisi.timings=true}). With {@code -Dpolisi.proof=false} nothing runs.
     */
    public Started start(List<ResolvedSite> sites, BuildProgress progress) {
        Problems found = new Problems();
        CompletableFuture<ProofResult> result = new CompletableFuture<>();
        Started started = new Started(result, found, progress);
        if (!ENABLED) {
            result.complete(ProofResult.NONE);
            return started;
        }
        preload(sites);
        long begin = System.nanoTime();
        Thread thread = new Thread(() -> {
            try {
                ProofResult proofed = run(sites, found, false);
                started.seconds = (System.nanoTime() - begin) / 1e9;
                started.cpuSeconds = CPU.getCurrentThreadCpuTime() / 1e9;     // the thread's whole life
                result.complete(proofed);
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "polisi-proofing");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** A proofing run under way (see {@link #start}). */
    public static final class Started {
        private final CompletableFuture<ProofResult> result;
        private final Problems found;
        private final BuildProgress progress;
        private volatile double seconds;
        private volatile double cpuSeconds;

        private Started(CompletableFuture<ProofResult> result, Problems found, BuildProgress progress) {
            this.result = result;
            this.found = found;
            this.progress = progress;
        }

        /**
         * Runs {@code next} once the run has ended (at once when proofing is off or has already
         * ended), on the proofing thread: for background work that should have the core proofing
         * leaves rather than take one from the build (the PDF warm-up, ADR 0069). {@code next} must
         * be short, or start a thread of its own; what it throws is not reported.
         */
        public void then(Runnable next) {
            result.whenComplete((proofed, failure) -> next.run());
        }

        /**
         * Waits for the run, then adds its findings to {@code problems} in the order a run on the
         * build's own thread would, and reports how long it ran. Rethrows what the run threw (an
         * unreadable word list, say).
         */
        public ProofResult join(Problems problems) {
            ProofResult proofed;
            try {
                proofed = result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
            found.all().forEach(problems::add);
            // with the thread's CPU time: on a shared or busy machine the steadier measure (docs/benchmarks.md)
            progress.timed("proof: ran", seconds, String.format("alongside render and check; %.2f s CPU", cpuSeconds));
            return proofed;
        }
    }

    /**
     * Proofs the sites and the interface bundles, adding every finding to {@code problems}; the
     * sites are proofed on all cores (the caller waits for it, as {@code ./polisi report} does).
     */
    public ProofResult run(List<ResolvedSite> sites, Problems problems) {
        return ENABLED ? run(sites, problems, true) : ProofResult.NONE;
    }

    /**
     * @param parallel whether to proof the sites on the common fork-join pool as well as this
     *                 thread; not when running alongside the build ({@link #start}), where the
     *                 pool's one worker (on 2 cores) is the HTML checks' and the build's other core
     *                 is rendering: there, proofing takes one core at most
     */
    private ProofResult run(List<ResolvedSite> sites, Problems problems, boolean parallel) {
        Problems setup = new Problems();
        WordList project = WordList.read(contentDir.resolve(WordList.FILE_NAME), setup);
        GlossaryCheck glossary = new GlossaryCheck(Glossary.read(contentDir.resolve("glossary.yml"), setup));
        EnglishOnlyLinks links = EnglishOnlyLinks.read(contentDir.resolve(EnglishOnlyLinks.FILE_NAME), setup);
        Shared shared = new Shared(project, setup, spellers);
        List<SiteFindings> found = (parallel ? sites.parallelStream() : sites.stream())
                .map(site -> new SiteProof(site, shared.wordList(site), glossary, links, shared).run())
                .toList();
        WordList theme = project.and(WordList.read(i18nDir.resolve(WordList.FILE_NAME), setup));
        SiteFindings bundles = new SiteProof(null, theme, glossary, links, shared).runBundles(i18nDir);
        Map<String, Map<String, ProofResult.Counts>> counts = new LinkedHashMap<>();
        Set<String> reported = new LinkedHashSet<>();
        setup.all().stream().filter(p -> reported.add(key(p))).forEach(problems::add);
        for (SiteFindings findings : concat(found, bundles)) {
            counts.put(findings.site(), findings.counts());
            findings.problems().stream().filter(p -> reported.add(key(p))).forEach(problems::add);
        }
        spellers.values().forEach(Speller::save);
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

    /**
     * What the sites of one run share, so that a line a hundred schools publish is read and checked
     * once: the word lists (one object per distinct list), a spell check per list and language
     * (each remembers the texts it has checked), the readable text of each AsciiDoc line, each YAML
     * file's prose, and the glossary's verdict on each pair of counterparts.
     */
    private static final class Shared {
        private final WordList project;
        private final Problems problems;
        private final Map<Path, WordList> clusterLists = new ConcurrentHashMap<>();
        private final Map<WordList, Map<String, Optional<SpellCheck>>> checks = Collections.synchronizedMap(new IdentityHashMap<>());
        private final Map<String, String> readable = new ConcurrentHashMap<>();
        private final Map<Path, YamlReading> yaml = new ConcurrentHashMap<>();
        private final Map<Counterparts, List<GlossaryCheck.Finding>> glossary = new ConcurrentHashMap<>();
        private final Map<String, Speller> spellers;

        Shared(WordList project, Problems problems, Map<String, Speller> spellers) {
            this.project = project;
            this.problems = problems;
            this.spellers = spellers;
        }

        WordList wordList(ResolvedSite site) {
            WordList shared = site.template()
                    .map(t -> clusterLists.computeIfAbsent(t.dir(), dir -> project.and(WordList.read(dir.resolve(WordList.FILE_NAME), problems))))
                    .orElse(project);
            Path own = site.source().dir().resolve(WordList.FILE_NAME);
            return Files.isRegularFile(own) ? shared.and(WordList.read(own, problems)) : shared;
        }

        Optional<SpellCheck> spellCheck(WordList words, String language) {
            Map<String, Optional<SpellCheck>> byLanguage;
            synchronized (checks) {
                byLanguage = checks.computeIfAbsent(words, w -> new ConcurrentHashMap<>());
            }
            return byLanguage.computeIfAbsent(language, l -> {
                Optional<Speller> other = Optional.ofNullable(spellers.get(l.equals("en") ? "cy" : "en"));
                return Optional.ofNullable(spellers.get(l)).map(speller -> new SpellCheck(speller, other, words));
            });
        }

        YamlReading yaml(Path file) {
            return yaml.computeIfAbsent(file, f -> {
                List<Prose> prose = new ArrayList<>();
                List<Counterparts> pairs = new ArrayList<>();
                YamlProse.read(f, prose, pairs);
                return new YamlReading(List.copyOf(prose), List.copyOf(pairs));
            });
        }

        /**
         * The glossary's verdict on a pair, once per distinct pair: the key is the pair itself (its
         * lines' files, numbers and texts), whose hash reuses each line's cached string hash where
         * building one string of the whole section for every school did not.
         */
        List<GlossaryCheck.Finding> counterparts(GlossaryCheck check, Counterparts pair) {
            return glossary.computeIfAbsent(pair, check::counterparts);
        }
    }

    private record YamlReading(List<Prose> prose, List<Counterparts> pairs) {
    }

    record SiteFindings(String site, Map<String, ProofResult.Counts> counts, List<Problem> problems) {
    }

    /** One site's proofing, on one thread. */
    private static final class SiteProof {
        private final ResolvedSite site;
        private final WordList words;
        private final GlossaryCheck glossary;
        private final EnglishOnlyLinks links;
        private final Shared shared;
        private final Map<String, ProofResult.Counts> counts = new TreeMap<>();
        private final Problems problems = new Problems();

        SiteProof(ResolvedSite site, WordList words, GlossaryCheck glossary, EnglishOnlyLinks links, Shared shared) {
            this.site = site;
            this.words = words;
            this.glossary = glossary;
            this.links = links;
            this.shared = shared;
        }

        SiteFindings run() {
            site.languages().forEach(language -> count(language, new ProofResult.Counts(0, 0)));
            List<Prose> prose = new ArrayList<>();
            List<Counterparts> pairs = new ArrayList<>();
            Map<ResolvedPage, Map<String, List<Prose>>> read = new IdentityHashMap<>();
            for (String language : site.languages()) {
                for (ResolvedPage page : site.pages(language).values()) {
                    Map<String, List<Prose>> sections = read.computeIfAbsent(page, p -> PageProse.sections(site, p, shared.readable));
                    sections.values().forEach(prose::addAll);
                    if (!language.equals("en")) {
                        site.page("en", page.key()).ifPresent(english -> pair(
                                read.computeIfAbsent(english, p -> PageProse.sections(site, p, shared.readable)), sections, pairs));
                        page.body().forEach(this::checkLinks);
                    }
                }
            }
            Set<Path> yaml = new LinkedHashSet<>();
            site.template().ifPresent(t -> addYaml(t.dir(), t.formsDir(), yaml));
            addYaml(site.source().dir(), site.source().formsDir(), yaml);
            yaml.forEach(file -> {
                YamlReading reading = shared.yaml(file);
                prose.addAll(reading.prose());
                pairs.addAll(reading.pairs());
            });
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
            Map<String, Optional<SpellCheck>> byLanguage = new java.util.HashMap<>();
            for (Prose line : prose) {
                Optional<SpellCheck> check = byLanguage.computeIfAbsent(line.language(), l -> shared.spellCheck(words, l));
                check.ifPresent(c -> spell(c, line));
                if (!line.language().equals("en")) {
                    glossary.avoided(line).forEach(f -> glossary(f));
                }
            }
            pairs.forEach(pair -> shared.counterparts(glossary, pair).forEach(this::glossary));
        }

        private void spell(SpellCheck check, Prose line) {
            for (String word : check.unknown(line.text())) {
                List<String> suggestions = check.suggest(word);
                problems.warning("spelling", line.file(), line.line(), "'" + word + "' is not in the " + line.language()
                        + " dictionary" + (suggestions.isEmpty() ? "." : "; did you mean " + String.join(", ", suggestions) + "?")
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

        /**
         * Pairs a page's sections with its translation's by label, and says once, at the section's
         * heading, when one cannot be paired (a label deleted, renamed or missing in one language):
         * the glossary then compares no unrelated sections and the author learns why it is silent.
         */
        private void pair(Map<String, List<Prose>> english, Map<String, List<Prose>> translated, List<Counterparts> pairs) {
            List<String> englishOnly = new ArrayList<>();
            english.forEach((id, lines) -> {
                List<Prose> counterpart = id.startsWith(PageProse.UNLABELLED) ? null : translated.get(id);
                if (counterpart != null && !counterpart.isEmpty()) {
                    pairs.add(new Counterparts(lines, counterpart));
                } else if (!id.startsWith(PageProse.UNLABELLED) && !id.isEmpty() && !lines.isEmpty()) {
                    englishOnly.add("[[" + id + "]] (" + where(lines.get(0)) + ")");
                }
            });
            List<String> translatedOnly = translated.entrySet().stream()
                    .filter(e -> !e.getKey().isEmpty() && !e.getKey().startsWith(PageProse.UNLABELLED) && !english.containsKey(e.getKey())
                            && !e.getValue().isEmpty())
                    .map(e -> "[[" + e.getKey() + "]] (" + where(e.getValue().get(0)) + ")")
                    .toList();
            boolean englishUnlabelled = english.keySet().stream().anyMatch(id -> id.startsWith(PageProse.UNLABELLED));
            english.forEach((id, lines) -> {
                if (id.startsWith(PageProse.UNLABELLED) && !lines.isEmpty()) {
                    unpaired(lines.get(0), "this section's heading has no label ([[id]] on the line above it), so it cannot be paired"
                            + " with its translation and the glossary check passes it by: give it the label its translation has"
                            + (translatedOnly.isEmpty() ? "" : "; the translation's sections with no counterpart here: "
                            + String.join(", ", translatedOnly)));
                }
            });
            String candidates = englishOnly.isEmpty() ? "" : "; the English sections with no counterpart here: " + String.join(", ", englishOnly);
            translated.forEach((id, lines) -> {
                if (lines.isEmpty() || id.isEmpty()) {
                    return;
                }
                if (id.startsWith(PageProse.UNLABELLED)) {
                    unpaired(lines.get(0), "this section's heading has no label ([[id]] on the line above it), so it cannot be paired"
                            + " with its English section and the glossary check passes it by: give it the English section's label" + candidates);
                } else if (!english.containsKey(id) && !englishUnlabelled) {   // else the English heading's warning says it
                    unpaired(lines.get(0), "no English section is labelled [[" + id + "]], so this section cannot be paired with one"
                            + " and the glossary check passes it by: use the English section's label" + candidates);
                }
            });
        }

        /** A line as an author finds it: {@code en/rules.adoc:12}. */
        private static String where(Prose line) {
            Path folder = line.file().getParent();
            return (folder == null ? "" : folder.getFileName() + "/") + line.file().getFileName() + ":" + line.line();
        }

        private void unpaired(Prose heading, String message) {
            problems.warning("section-unpaired", heading.file(), heading.line(), message);
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
