package org.polisi.site.forms.definition;

import java.util.Set;

/**
 * Names that end up in input ids and posted parameters. Lower-case words joined by single hyphens,
 * so that {@code <form-id>--<field>--<statement>} can always be split back at the double hyphens.
 */
final class Slugs {

    /** Field names the form itself posts, or whose input id would clash with the title's or honeypot's. */
    // withdraw and withdraw-step are the second page of a withdrawal (docs/forms.md), idempotency-key the server's
    static final Set<String> RESERVED_FIELD_NAMES = Set.of("form-id", "form-lang", "form-version", "website", "title",
            "withdraw", "withdraw-step", "idempotency-key");

    /** {@code <field-id>--hint} and {@code <field-id>--error} are taken by the hint and the server's error message. */
    static final Set<String> RESERVED_SUFFIXES = Set.of("hint", "error");

    private Slugs() {
    }

    static boolean isSlug(String text) {
        return org.polisi.site.content.Names.isSlug(text);
    }
}
