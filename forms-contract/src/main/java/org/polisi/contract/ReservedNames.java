package org.polisi.contract;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Names a form's author may not use, because the form itself, the server or the input ids already
 * use them (docs/forms.md, "Reserved names"). The site refuses a definition that uses one, with file
 * and line; the server reads these same constants, so the two cannot drift apart.
 */
public final class ReservedNames {

    /**
     * The first parts of addresses that the site and the forms server use for themselves, beside the
     * schools' own folders ({@code /<school>/...}): the theme's files ({@code /assets/}), the staff area
     * ({@code /staff/}), form submissions ({@code /forms/}) and agreed texts ({@code /agreed-texts/})
     * (forms-server's {@code web/Routes}). A school with one of these ids would have its pages written
     * over the theme's files, or published inside the staff area's address (tester 8's N5).
     */
    public static final java.util.Set<String> SITE_PATHS = java.util.Set.of("assets", "staff", "forms", "agreed-texts");

    /** Hidden field every rendered form posts: the form's id. */
    public static final String FORM_ID = "form-id";
    /** Hidden field: the language of the page the form was on. */
    public static final String FORM_LANG = "form-lang";
    /** Hidden field: the form version the person saw (docs/forms.md, "Form versions"). */
    public static final String FORM_VERSION = "form-version";
    /** The honeypot: hidden from people, filled by bots; a submission with it filled is discarded. */
    public static final String HONEYPOT = "website";
    /** Sent by a client that retries, so that a retried submission is stored once (docs/adr/0013). */
    public static final String IDEMPOTENCY_KEY = "idempotency-key";
    /** A withdrawal's second page: the consent statements chosen, and the answer they are stored as. */
    public static final String WITHDRAW = "withdraw";
    /** Sent by a withdrawal's second page, so that an empty choice there is an error, not the first page again. */
    public static final String WITHDRAW_STEP = "withdraw-step";
    /** The "add another" submit button (GOV.UK's add-another pattern); its value names the field that gets one more box. */
    public static final String ADD_ANOTHER = "add-another";
    /**
     * Hidden field the page's consent and agreement forms post: show the answers to check before the
     * record is made (GOV.UK "Check your answers"); a post without it (a script) is recorded at once.
     */
    public static final String CHECK_ANSWERS = "check-answers";
    /**
     * The button on a form's page that opens the form in another language with what was typed kept (the
     * server keeps the answers in a draft, docs/adr/0052); its value is the language. Nothing is checked or stored.
     */
    public static final String SWITCH_LANGUAGE = "switch-language";

    /** Every parameter a form post may carry that is not an answer to one of the form's fields. */
    public static final List<String> PARAMETERS = List.of(FORM_ID, FORM_LANG, FORM_VERSION, HONEYPOT, IDEMPOTENCY_KEY,
            WITHDRAW, WITHDRAW_STEP, ADD_ANOTHER, CHECK_ANSWERS, SWITCH_LANGUAGE);

    /**
     * Field names an author may not choose: every reserved parameter, and {@code title}, whose input id
     * {@code <form-id>--title} is the form's heading (the server's whole-form errors link to it).
     */
    public static final Set<String> FIELD_NAMES = Set.copyOf(Stream.concat(PARAMETERS.stream(),
            Stream.of(InputIds.TITLE)).toList());

    /**
     * Option values and consent statement ids an author may not choose: they end an input id
     * ({@code <form-id>--<field>--<value>}) and would give it the id of the field's hint, error message
     * or consent heading.
     */
    public static final Set<String> ID_SUFFIXES = Set.of(InputIds.HINT, InputIds.ERROR, InputIds.HEADING, InputIds.QUESTION);

    private ReservedNames() {
    }

    public static boolean isReservedFieldName(String name) {
        return FIELD_NAMES.contains(name);
    }
}
