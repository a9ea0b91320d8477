package org.polisi.site.forms.markup;

import org.jsoup.nodes.Element;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.definition.Messages;
import org.polisi.site.forms.definition.RetentionSentence;

/**
 * The short privacy notice at the point of collection: who collects, why, on what lawful basis, who
 * sees it, how long it is kept, the person's rights and whom to ask. Every sentence comes from the
 * message bundle, filled from the school's settings and the form definition, so no page words it by hand.
 */
final class PrivacyNotice {

    private static final String CONTACT = "{contactEmail}";

    private PrivacyNotice() {
    }

    static void appendTo(Element parent, FormDefinition form, FormsSchoolContext school, String language) {
        Messages messages = school.messages(language);
        Element notice = parent.appendElement("div").addClass("privacy-notice");
        notice.appendElement("h3").addClass("heading").text(messages.get("forms.privacy.heading"));
        sentence(notice, messages.get("forms.privacy.who", "school", schoolName(school, language)));
        sentence(notice, messages.get("forms.privacy.why", "purpose", form.purpose().in(language)));
        sentence(notice, messages.get("forms.privacy.lawful-basis", "lawfulBasis", form.lawfulBasis().in(language)));
        sentence(notice, messages.get("forms.privacy.readers", "readers", readers(form, messages)));
        sentence(notice, messages.get("forms.privacy.retention", "retention",
                RetentionSentence.of(form.retention(), messages)));
        sentence(notice, messages.get("forms.privacy.rights"));
        if (!school.contactEmail().isBlank()) {
            appendContact(notice, messages.get("forms.privacy.contact", "contactEmail", CONTACT), school.contactEmail());
        } else {   // no address given (or a template preview): never invent one
            sentence(notice, messages.get("forms.privacy.contact.office"));
        }
    }

    /**
     * Who the forms server lets read the answers (forms-server {@code RecordAccess}): the reader role,
     * every role an incident notifies (they are alerted, so they read it), and the headteacher, who
     * reads every form of the school; naming fewer would be a false privacy notice (UK GDPR art. 13(1)(e)).
     */
    private static String readers(FormDefinition form, Messages messages) {
        java.util.LinkedHashSet<String> roles = new java.util.LinkedHashSet<>();
        roles.add(form.readerRole());
        roles.addAll(form.alerts().incident());
        roles.addAll(form.alerts().urgent());
        roles.add(org.polisi.contract.StaffRole.HEADTEACHER.formWord());
        // a role with no words is reported once, at the form's reader-role line (compose.FormReferences.checkRoles)
        return String.join("; ", roles.stream().map(role -> messages.has("forms.role." + role)
                ? messages.get("forms.role." + role) : role).toList());
    }

    private static void sentence(Element notice, String text) {
        notice.appendElement("p").text(text);
    }

    /** The address becomes a mailto link wherever the sentence puts it. */
    private static void appendContact(Element notice, String template, String email) {
        Element paragraph = notice.appendElement("p");
        int at = template.indexOf(CONTACT);
        if (at < 0) {
            throw new IllegalStateException("forms.privacy.contact must contain " + CONTACT);
        }
        paragraph.appendText(template.substring(0, at));
        paragraph.appendElement("a").attr("href", "mailto:" + email).text(email);
        paragraph.appendText(template.substring(at + CONTACT.length()));
    }

    private static String schoolName(FormsSchoolContext school, String language) {
        String name = school.schoolNameByLang().get(language);
        if (name == null) {
            throw new IllegalStateException("the school has no name in '" + language + "'");
        }
        return name;
    }
}
