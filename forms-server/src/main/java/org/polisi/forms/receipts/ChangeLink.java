package org.polisi.forms.receipts;

import java.util.Optional;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.forms.consent.ConsentForms;
import org.polisi.contract.Manifest;

/**
 * How a person changes what they sent, for the receipt page and its copy by e-mail, each said only as
 * far as the server does it (ADR 0102): for a consent, its withdrawal form, its address carrying the
 * reference (a number the person already holds, nothing personal), named for what it does (withdraw,
 * never "change"), and the sentence saying how an answer is changed: send the form again with the same
 * details, and the newest form for that child stands ({@code org.polisi.forms.consent.ConsentState});
 * for a notice of objection (nothing to withdraw: docs/adr/0057), its own form again, since the newest
 * notice stands; none for the other kinds, or when the page is not published in that language.
 *
 * @param path       the site path of the page (no scheme or host)
 * @param messageKey the server bundle's words for the link
 * @param noteKey    the server bundle's sentence saying how to change an answer, shown beside the
 *                   link, when the link does not say it itself; empty otherwise
 */
public record ChangeLink(String path, String messageKey, Optional<String> noteKey) {

    /** The withdrawal link's words: it withdraws, nothing else. */
    public static final String WITHDRAW = "confirmation.withdraw";
    /** How a consent's answers are changed: by sending the form again. */
    public static final String CHANGE_CONSENT = "confirmation.change-consent";

    /**
     * @param manifest  the school's manifest (its withdrawal form's page)
     * @param form      the form sent
     * @param reference the record's reference
     * @param language  the page's language ({@code en}, {@code cy})
     * @return the link, or empty when the kind has none or its page is not published in the language
     */
    public static Optional<ChangeLink> of(Manifest manifest, FormDefinition form, String reference, String language) {
        if (form.kind() == FormKind.OBJECTION) {
            return Optional.ofNullable(form.pages().get(language)).filter(page -> !page.isBlank())
                    .map(page -> new ChangeLink(page, "confirmation.change-objection", Optional.empty()));
        }
        if (!ConsentForms.asksConsent(form)) {
            return Optional.empty();
        }
        return manifest.forms().stream().filter(other -> other.kind() == FormKind.WITHDRAWAL)
                .map(other -> other.pages().get(language)).filter(page -> page != null && !page.isBlank()).findFirst()
                .map(page -> new ChangeLink(page + "?reference=" + reference, WITHDRAW, Optional.of(CHANGE_CONSENT)));
    }
}
