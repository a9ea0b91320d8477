/**
 * The server's own words, in English and Welsh.
 *
 * <p><b>Input:</b> {@code server_en.properties} and {@code server_cy.properties} from the theme.
 * <p><b>Output:</b> {@link org.polisi.forms.i18n.Messages}, a message for a key in a language
 * (ICU MessageFormat, named arguments, CLDR plural rules), and {@link org.polisi.forms.i18n.Dates},
 * times in UK time with CLDR's month names (docs/adr/0035).
 * <p><b>Why:</b> validation messages, confirmation pages and staff pages are written once per
 * language by people who know the language, not assembled from fragments; Welsh is never a
 * fallback-only translation, and a test keeps both bundles' keys identical.
 */
package org.polisi.forms.i18n;
