package org.polisi.site.render;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.jruby.AsciidoctorJRuby;
import org.asciidoctor.jruby.internal.JRubyRuntimeContext;
import org.jruby.util.cli.Options;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the JRuby runtime that runs Asciidoctor without RubyGems. JRuby loads RubyGems at every
 * start (its {@code gem_prelude}, then RubyGems' own {@code require}, which searches every gem's
 * specification for each file required): about 0.5 s of CPU on the thread whose end every cold
 * build waits for, a sixth of JRuby's start (docs/adr/0078-jruby-start.md). Asciidoctor needs
 * none of it: AsciidoctorJ's jar holds the gems themselves, so their {@code lib} folders are put
 * on Ruby's load path ({@code $LOAD_PATH}) instead, and {@code require 'asciidoctor'} (or
 * {@code 'rouge'}, for a page that asks for it) finds its files there, the files RubyGems would
 * have found. Which bundled gems there are is read from the jar's entries ({@code gems/NAME-VERSION/lib/}).
 *
 * <p>JRuby reads whether to load RubyGems from its option {@code jruby.cli.rubygems.enable}
 * ({@link Options#CLI_RUBYGEMS_ENABLE}) when the runtime's configuration is made, and AsciidoctorJ
 * makes that configuration with no way to pass one; so the option is forced to {@code false} for
 * that moment and unforced after (JRuby's own {@code force}/{@code unforce}; no system property is
 * touched, and a runtime made later in the process starts as JRuby would). When the jar cannot be
 * listed, or the user set {@code -Djruby.cli.rubygems.enable}, the runtime starts as AsciidoctorJ
 * starts it, with RubyGems.
 */
final class RubyStart {
    /** JRuby's switch for loading RubyGems at start ({@code org.jruby.util.cli.Options.CLI_RUBYGEMS_ENABLE}). */
    static final String RUBYGEMS = "jruby.cli.rubygems.enable";
    /**
     * Asciidoctor loads every optional library (Rouge, CodeRay, AsciiMath, the template engines,
     * open-uri-cached) through {@code Helpers.require_library}; some of them need RubyGems (Rouge's
     * lexers read YAML, whose Java parts are found through RubyGems' {@code jar-dependencies}). So
     * the first such load requires RubyGems, as JRuby would have at start, and a page that asks for
     * one gets what it would get with RubyGems; a page that asks for none never pays for it.
     */
    static final String RUBYGEMS_WHEN_NEEDED = """
            Asciidoctor::Helpers.singleton_class.prepend(Module.new do
              def require_library(*arguments)
                require 'rubygems' unless defined?(::Gem)
                super
              end
            end)
            """;
    /**
     * JRuby's switch for its native (FFI) support ({@code org.jruby.util.cli.Options.NATIVE_ENABLED}):
     * forced off while the runtime is made, unless the user set it. Asciidoctor needs no native
     * call (in SECURE mode it reads no file; it runs no process), and loading JRuby's FFI layer
     * (jnr-ffi, jffi, jnr-posix's native side: classes it generates with ASM at start) costs about
     * 0.1 s of CPU on the thread a cold build waits for (docs/adr/0084). JRuby reads the switch once
     * per process, when its configuration class is first used, so every JRuby runtime of the
     * process (only Asciidoctor's, in Polisi) runs with JRuby's pure-Java POSIX layer.
     */
    static final String NATIVE = "jruby.native.enabled";
    private static final Pattern GEM_LIB = Pattern.compile("gems/([^/]+)/lib/");

    private RubyStart() {
    }

    /**
     * @return a new Asciidoctor instance on a runtime without RubyGems, its bundled gems on the load
     *         path; or AsciidoctorJ's own (with RubyGems) when the gems cannot be found or the user
     *         chose the setting ({@code -Djruby.cli.rubygems.enable})
     */
    static Asciidoctor create() {
        Optional<List<String>> loadPath = System.getProperty(RUBYGEMS) == null ? bundledGems() : Optional.empty();
        if (loadPath.isEmpty()) {
            return Asciidoctor.Factory.create();
        }
        boolean withoutNative = System.getProperty(NATIVE) == null;
        synchronized (Options.CLI_RUBYGEMS_ENABLE) {
            Options.CLI_RUBYGEMS_ENABLE.force("false");
            if (withoutNative) {
                Options.NATIVE_ENABLED.force("false");
            }
            try {
                Asciidoctor created = AsciidoctorJRuby.Factory.create(loadPath.get());
                JRubyRuntimeContext.get(created).evalScriptlet(RUBYGEMS_WHEN_NEEDED);
                return created;
            } finally {
                Options.CLI_RUBYGEMS_ENABLE.unforce();
                if (withoutNative) {
                    Options.NATIVE_ENABLED.unforce();
                }
            }
        }
    }

    /**
     * @return the {@code uri:classloader:/gems/NAME-VERSION/lib} folder of every gem in AsciidoctorJ's
     *         jar, Asciidoctor's among them, sorted by name; empty when the jar cannot be read or holds no Asciidoctor
     */
    static Optional<List<String>> bundledGems() {
        try {
            CodeSource source = AsciidoctorJRuby.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            TreeSet<String> gems = new TreeSet<>();
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    Matcher lib = GEM_LIB.matcher(entries.nextElement().getName());
                    if (lib.lookingAt()) {
                        gems.add(lib.group(1));
                    }
                }
            }
            if (gems.stream().noneMatch(gem -> gem.startsWith("asciidoctor-"))) {
                return Optional.empty();
            }
            List<String> dirs = new ArrayList<>();
            gems.forEach(gem -> dirs.add("uri:classloader:/gems/" + gem + "/lib"));
            return Optional.of(dirs);
        } catch (IOException | URISyntaxException | RuntimeException notAJar) {
            return Optional.empty();     // a class folder, an unusual class loader: start as AsciidoctorJ does
        }
    }
}
