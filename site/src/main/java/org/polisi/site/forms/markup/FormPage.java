package org.polisi.site.forms.markup;

/**
 * The page a {@code form::} macro is converted on, as the build composed it: the school, the page's
 * language, the hash of its text (what a signer agrees to, {@code PageComposer.pageHash}) and its URL.
 * The renderer hands it to {@link FormMacro} for the page being converted on the calling thread.
 */
public record FormPage(String school, String language, String pageHash, String url) {
}
