package org.polisi.site.render;

import org.asciidoctor.Asciidoctor;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * JRuby compiles Asciidoctor's Ruby code only for a conversion large enough to repay it
 * (docs/adr/0068-cold-build-start-up.md), and the HTML is the same whether the code that made
 * it was compiled or interpreted.
 */
class RubyCompilationTest {

    @Test
    void aSmallConversionHoldsCompilationBackAndALargeOneAllowsIt() {
        assumeFalse(RubyCompilation.CHOSEN_BY_USER, "-Djruby.jit.threshold given: left alone");
        Asciidoctor asciidoctor = AsciidocConverter.instance();
        try {
            RubyCompilation.forPages(asciidoctor, 38);             // the real content
            assertEquals(RubyCompilation.HELD_BACK, RubyCompilation.threshold(asciidoctor));
            RubyCompilation.forPages(asciidoctor, RubyCompilation.PAGES_TO_COMPILE - 1);
            assertEquals(RubyCompilation.HELD_BACK, RubyCompilation.threshold(asciidoctor));
            RubyCompilation.forPages(asciidoctor, RubyCompilation.PAGES_TO_COMPILE);
            assertEquals(RubyCompilation.JRUBY_DEFAULT, RubyCompilation.threshold(asciidoctor));
            RubyCompilation.forPages(asciidoctor, 4_040);          // the 100-school cluster
            assertEquals(RubyCompilation.JRUBY_DEFAULT, RubyCompilation.threshold(asciidoctor));
            RubyCompilation.forPages(asciidoctor, 1);               // a preview's next save
            assertEquals(RubyCompilation.HELD_BACK, RubyCompilation.threshold(asciidoctor));
        } finally {
            RubyCompilation.holdBack(asciidoctor);
        }
    }

    @Test
    void compiledAndInterpretedRubyWriteTheSameHtml() throws Exception {
        assumeFalse(RubyCompilation.CHOSEN_BY_USER, "-Djruby.jit.threshold given: left alone");
        List<String> documents = fixtureDocuments();
        assertFalse(documents.isEmpty());
        Asciidoctor asciidoctor = AsciidocConverter.instance();
        try {
            RubyCompilation.holdBack(asciidoctor);
            List<String> interpreted = convertAll(documents);
            // Every method compiled at its next call; compilation runs on JRuby's background thread,
            // so several passes give the compiled code time to take over.
            RubyCompilation.setThreshold(asciidoctor, 0);
            for (int pass = 0; pass < 3; pass++) {
                assertEquals(interpreted, convertAll(documents), "pass " + pass);
            }
        } finally {
            RubyCompilation.holdBack(asciidoctor);
        }
    }

    private static List<String> convertAll(List<String> documents) {
        List<String> html = new ArrayList<>();
        for (String document : documents) {
            html.add(AsciidocConverter.convertAside(document));
        }
        return html;
    }

    /** Every page of the test fixtures: tables, lists in cells, admonitions, footnotes, cross-references, Welsh. */
    static List<String> fixtureDocuments() throws Exception {
        List<String> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/fixtures"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".adoc")).sorted().toList()) {
                documents.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return documents;
    }
}
