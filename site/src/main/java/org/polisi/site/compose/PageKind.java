package org.polisi.site.compose;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a baked page is, and so which theme template draws it: a school's policy or appendix
 * (written in {@code content/}, {@code :page-kind:}), a school's index, the cluster's index, or
 * the not-found page. {@link #jbakeType()} is the document type JBake's renderer maps to
 * {@link #template()} (see {@code render/JBakeRenderer}).
 */
public enum PageKind {
    POLICY("policy", "page", "page.ftl"),
    APPENDIX("appendix", "page", "page.ftl"),
    SCHOOL_INDEX("school-index", "schoolindex", "page.ftl"),
    CLUSTER_INDEX("cluster-index", "clusterindex", "index.ftl"),
    NOT_FOUND("not-found", "notfound", "index.ftl");

    private final String word;
    private final String jbakeType;
    private final String template;

    PageKind(String word, String jbakeType, String template) {
        this.word = word;
        this.jbakeType = jbakeType;
        this.template = template;
    }

    /** As content writes it ({@code policy}, {@code appendix}) and as the {@code polisi-page-kind} attribute. */
    public String word() {
        return word;
    }

    /** JBake's document type ({@code jbake-type}). */
    public String jbakeType() {
        return jbakeType;
    }

    /** The theme template, in {@code themes/default/templates/}. */
    public String template() {
        return template;
    }

    /** The kind a page's {@code :page-kind:} names, or empty for anything else. */
    public static Optional<PageKind> of(String word) {
        return Arrays.stream(values()).filter(kind -> kind.word.equals(word)).findFirst();
    }

    /** True when a page's {@code :page-kind:} is this kind. */
    public boolean is(String word) {
        return this.word.equals(word);
    }
}
