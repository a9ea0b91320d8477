package org.polisi.site.forms.markup;

import org.jsoup.nodes.Element;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.contract.FormKind;
import org.polisi.contract.InputIds;
import org.polisi.contract.ReservedNames;

/**
 * Writes one form in one language as the HTML of docs/forms.md: a section titled by an h2, the
 * introduction, the privacy notice, then a plain POST form that needs no JavaScript.
 */
final class FormRenderer {

    private final FormsSchoolContext school;
    private final String language;

    FormRenderer(FormsSchoolContext school, String language) {
        this.school = school;
        this.language = language;
    }

    String render(FormDefinition form, String version) {
        String titleId = InputIds.title(form.id());
        Element section = new Element("section").addClass("polisi-form").attr("aria-labelledby", titleId);
        section.appendElement("h2").id(titleId).text(form.title().in(language));
        form.introduction().ifPresent(text -> paragraphs(section, "form-introduction", text.in(language)));
        PrivacyNotice.appendTo(section, form, school, language);
        Element post = section.appendElement("form")
                .attr("action", school.schoolEndpoint() + "/" + form.id())
                .attr("method", "post")
                .attr("novalidate", true)
                .attr("accept-charset", "UTF-8")
                .attr("data-form-id", form.id());
        post.appendElement("div").addClass("error-summary-region");
        hidden(post, ReservedNames.FORM_ID, form.id());
        hidden(post, ReservedNames.FORM_LANG, language);
        hidden(post, ReservedNames.FORM_VERSION, version);
        boolean checkFirst = FormKind.CHECKED_BEFORE_RECORDING.contains(form.kind());
        if (checkFirst) {   // the server shows the answers to check before the record is made (docs/adr/0052)
            hidden(post, ReservedNames.CHECK_ANSWERS, "yes");
        }
        FieldRenderer fields = new FieldRenderer(new FieldMarkup(form.id(), language, school));
        form.fields().forEach(field -> fields.appendTo(post, field));
        form.declaration().ifPresent(text -> paragraphs(post, "declaration", text.in(language)));
        appendHoneypot(post, form.id());
        // a withdrawal is sent from its second page (the statements), where the server asks what to withdraw;
        // an agreement, consent or notice of objection from the check-your-answers page, where its button says what it does
        String submit = checkFirst || form.kind() == FormKind.WITHDRAWAL ? "forms.submit.continue" : "forms.submit";
        post.appendElement("button").addClass("button").attr("type", "submit").text(school.messages(language).get(submit));
        languageSwitches(post, form);
        if (school.preview()) {
            asPreview(section, post);
        }
        return section.outerHtml();
    }

    /**
     * A template's preview shows what the form asks but is no live form: a notice says so, every
     * control is disabled and no button sends it (the server refuses a submission all the same).
     */
    private void asPreview(Element section, Element post) {
        Element notice = new Element("div").addClass("notice").addClass("notice--preview").attr("role", "note");
        notice.appendElement("p").text(school.messages(language).get("forms.preview.notice"));
        post.before(notice);
        post.addClass("polisi-form--preview");
        post.select("button").remove();
        post.select("input:not([type=hidden]), select, textarea").attr("disabled", "");
        section.addClass("polisi-form--preview");
    }

    /**
     * A button per other language the form is published in that opens it there with what was typed kept
     * (the server keeps the answers in a draft, docs/adr/0052; no JavaScript needed), worded in that
     * language like the header's language link, which would leave the answers behind (polisi.js makes
     * that link press this button once something is typed). After the form's own button, so that Enter
     * in a box still sends the form.
     */
    private void languageSwitches(Element post, FormDefinition form) {
        for (String other : school.forms().languages()) {
            if (other.equals(language) || form.title().in(other).isEmpty()) {
                continue;
            }
            post.appendElement("p").addClass("form-language").appendElement("button").addClass("button-link")
                    .attr("type", "submit").attr("name", ReservedNames.SWITCH_LANGUAGE).attr("value", other)
                    .attr("lang", other).text(school.messages(other).get("forms.switch-language"));
        }
    }

    private static void hidden(Element form, String name, String value) {
        form.appendElement("input").attr("type", "hidden").attr("name", name).attr("value", value);
    }

    /**
     * Bots fill every field; people never see this one (hidden by CSS), screen readers skip it
     * ({@code aria-hidden}) and the keyboard never reaches it ({@code tabindex="-1"}).
     */
    private void appendHoneypot(Element form, String formId) {
        String id = InputIds.field(formId, ReservedNames.HONEYPOT);
        Element trap = form.appendElement("div").addClass("honeypot").attr("aria-hidden", "true");
        trap.appendElement("label").attr("for", id).text(school.messages(language).get("forms.honeypot.label"));
        trap.appendElement("input").id(id).attr("name", ReservedNames.HONEYPOT).attr("type", "text")
                .attr("tabindex", "-1").attr("autocomplete", "off");
    }

    /** Blank lines in a YAML text separate paragraphs. */
    private static void paragraphs(Element parent, String className, String text) {
        Element block = parent.appendElement("div").addClass(className);
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            block.appendElement("p").text(paragraph.strip());
        }
    }
}
