package org.polisi.site.forms.markup;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.jruby.extension.spi.ExtensionRegistry;

/**
 * Registers {@code form::<id>[]} with every Asciidoctor instance, including the one JBake creates,
 * through {@code META-INF/services/org.asciidoctor.jruby.extension.spi.ExtensionRegistry}.
 */
public final class FormsExtensionRegistry implements ExtensionRegistry {

    @Override
    public void register(Asciidoctor asciidoctor) {
        asciidoctor.javaExtensionRegistry().blockMacro(FormMacro.class);
    }
}
