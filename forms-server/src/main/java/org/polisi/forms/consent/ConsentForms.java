package org.polisi.forms.consent;

import org.polisi.contract.FieldType;
import org.polisi.contract.FormDefinition;
import org.polisi.contract.FormKind;

/**
 * Which forms ask for consent: decided by the questions a form asks, never by its kind alone (ADR 0106,
 * tester 7 finding 19). A consent form does; so does any other form with a {@code consent} question, such
 * as a parent/carer agreement asking "I give permission for my child to have access to the internet":
 * its answers are consent events, stand on the consents register and can be withdrawn like any other.
 */
public final class ConsentForms {

    private ConsentForms() {
    }

    /**
     * @param form a form of the manifest
     * @return true for a consent form, and for a form of any other kind except a withdrawal or notice of
     *     objection that has at least one {@code consent} question
     */
    public static boolean asksConsent(FormDefinition form) {
        if (form.kind() == FormKind.CONSENT) {
            return true;
        }
        return form.kind() != FormKind.WITHDRAWAL && form.kind() != FormKind.OBJECTION
                && form.fields().stream().anyMatch(field -> field.type() == FieldType.CONSENT);
    }

    /** A consent form, or a form asking consent, or a notice of objection: the forms of the consents register. */
    public static boolean onRegister(FormDefinition form) {
        return asksConsent(form) || form.kind() == FormKind.OBJECTION;
    }
}
