package org.polisi.site.render;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.OptionsBuilder;
import org.asciidoctor.SafeMode;
import org.asciidoctor.jruby.internal.JRubyRuntimeContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * JRuby starts Asciidoctor without RubyGems, the bundled gems on its load path instead
 * (docs/adr/0078-jruby-start.md), and converts every document as a runtime with RubyGems does:
 * the fixtures' pages, and the features that need a gem other than Asciidoctor (syntax
 * highlighting by Rouge and CodeRay).
 */
class RubyStartTest {
    /** Features of Asciidoctor that require another bundled gem, or that RubyGems could change. */
    private static final List<String> GEM_FEATURES = List.of(
            "= Code\n:source-highlighter: rouge\n\n[source,ruby]\n----\ndef hello(name) = puts \"hi #{name}\"\n----\n",
            "= Code\n:source-highlighter: coderay\n\n[source,java]\n----\nclass A { int b = 1; }\n----\n",
            "= Code\n:source-highlighter: highlight.js\n\n[source,python]\n----\nprint('x')\n----\n",
            "= Maths\n:stem: asciimath\n\nstem:[sqrt(4) = 2]\n\n[stem]\n++++\nsum_(i=1)^n i\n++++\n",
            "= Polisi\n:lang: cy\n:toc:\n\n== Adran\n\nTestun.footnote:[Troednodyn.]\n\nNOTE: Nodyn.\n\n|===\n|a |b\n\n|1 |2\n|===\n");

    @Test
    void theRuntimeHasNoRubyGemsAndEveryBundledGemOnItsLoadPath() {
        assumeTrue(System.getProperty(RubyStart.RUBYGEMS) == null, "-Djruby.cli.rubygems.enable given: JRuby's own start");
        List<String> gems = RubyStart.bundledGems().orElseThrow();
        assertTrue(gems.stream().anyMatch(dir -> dir.matches("uri:classloader:/gems/asciidoctor-2\\.[0-9.]+/lib")), gems.toString());
        assertTrue(gems.stream().anyMatch(dir -> dir.startsWith("uri:classloader:/gems/rouge-")), gems.toString());
        for (String dir : gems) {
            assertNotNull(RubyStart.class.getClassLoader().getResource(dir.substring("uri:classloader:/".length())), dir);
        }
        Asciidoctor asciidoctor = AsciidocConverter.instance();
        org.jruby.Ruby ruby = JRubyRuntimeContext.get(asciidoctor);
        assertTrue(ruby.getInstanceConfig().isDisableGems(), "started without RubyGems (a page may load it later: RUBYGEMS_WHEN_NEEDED)");
        assertNull(System.getProperty(RubyStart.RUBYGEMS), "no system property set");
    }

    @Test
    void itWritesTheSameHtmlAsARuntimeWithRubyGems() throws Exception {
        List<String> documents = new ArrayList<>(GEM_FEATURES);
        documents.addAll(RubyCompilationTest.fixtureDocuments());
        assertFalse(documents.isEmpty());
        Asciidoctor withGems = Asciidoctor.Factory.create();
        try {
            assertEquals("\"constant\"", JRubyRuntimeContext.get(withGems).evalScriptlet("defined?(Gem).inspect").toString());
            Asciidoctor ours = AsciidocConverter.instance();
            for (String document : documents) {
                assertEquals(convert(withGems, document), convert(ours, document), document);
            }
            assertTrue(convert(ours, GEM_FEATURES.get(0)).contains("<span class=\"k\">def</span>"), "Rouge highlighted the code");
            assertTrue(convert(ours, GEM_FEATURES.get(1)).contains("<span class=\"type\">class</span>"), "CodeRay highlighted the code");
        } finally {
            withGems.shutdown();
        }
    }

    private static String convert(Asciidoctor asciidoctor, String document) {
        return asciidoctor.convert(document, OptionsBuilder.options().safe(SafeMode.SAFE).headerFooter(false).asMap());
    }
}
