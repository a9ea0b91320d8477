package org.polisi.site.forms.manifest;

/** One form rendered on one page in one language, with the version its hidden field carries. */
public record RenderedForm(String school, String formId, String lang, String version, String pageUrl) {
}
