package org.polisi.forms.receipts;

import java.util.Optional;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;
import org.polisi.contract.Manifest;

/**
 * How a person changes what they sent, for the receipt page and its copy by e-mail: a consent's
 * withdrawal form, its address carrying the reference (a number the person already holds, nothing
 * personal); for a notice of objection (nothing to withdraw: docs/adr/0057), its own form again,
 * since the newest notice stands; none for the other kinds, or when the page is not published in
 * that language.
 *
 * @param path       the site path of the page (no scheme or host)
 * @param messageKey the server bundle's words for the link
 */
public record ChangeLink(String path, String messageKey) {

    public static Optional<ChangeLink> of(Manifest manifest, FormDefinition form, String reference, String language) {
        if (form.kind() == FormKind.OBJECTION) {
            return Optional.ofNullable(form.pages().get(language)).filter(page -> !page.isBlank())
                    .map(page -> new ChangeLink(page, "confirmation.change-objection"));
        }
        if (form.kind() != FormKind.CONSENT) {
            return Optional.empty();
        }
        return manifest.forms().stream().filter(other -> other.kind() == FormKind.WITHDRAWAL)
                .map(other -> other.pages().get(language)).filter(page -> page != null && !page.isBlank()).findFirst()
                .map(page -> new ChangeLink(page + "?reference=" + reference, "confirmation.withdraw"));
    }
}
