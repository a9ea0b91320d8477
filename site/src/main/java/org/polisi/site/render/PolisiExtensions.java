package org.polisi.site.render;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.jruby.extension.spi.ExtensionRegistry;

/** Registers our AsciiDoc extensions with every Asciidoctor instance, including the one JBake creates. */
public final class PolisiExtensions implements ExtensionRegistry {
    @Override
    public void register(Asciidoctor asciidoctor) {
        asciidoctor.javaExtensionRegistry()
                .inlineMacro(TickMacro.class)
                .inlineMacro(PolicyReferenceMacro.class);
        // The HTML's postprocessing (admonitions, tables) runs in Java after each conversion
        // (AsciidocConverter.postprocessed, docs/adr/0086), not as Asciidoctor postprocessors.
    }
}
