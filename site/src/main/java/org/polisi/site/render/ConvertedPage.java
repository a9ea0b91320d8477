package org.polisi.site.render;

import org.polisi.site.compose.StagedPage;

import java.util.Map;

/**
 * A staged page after AsciiDoc conversion: its title and body as HTML, and its header attributes
 * with Asciidoctor's substitutions applied (escaped, attribute references resolved), ready for
 * the theme to print.
 */
record ConvertedPage(StagedPage page, String title, Map<String, String> attributes, String body) {
}
