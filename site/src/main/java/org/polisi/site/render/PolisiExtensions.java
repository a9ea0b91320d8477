package org.polisi.site.render;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.jruby.extension.spi.ExtensionRegistry;

/** Registers our AsciiDoc extensions with every Asciidoctor instance, including the one JBake creates. */
public final class PolisiExtensions implements ExtensionRegistry {
    @Override
    public void register(Asciidoctor asciidoctor) {
        asciidoctor.javaExtensionRegistry()
                .inlineMacro(TickMacro.class)
                .inlineMacro(PolicyReferenceMacro.class)
                .postprocessor(AccessibleAdmonitions.class)
                .postprocessor(ResponsiveTables.class);
    }
}
