package org.polisi.forms.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.polisi.forms.i18n.Messages;
import org.polisi.forms.intake.FieldError;
import org.polisi.forms.intake.SubmissionRequest;
import org.polisi.contract.InputIds;

/**
 * Re-shows the baked page with the GOV.UK error pattern, exactly as docs/forms.md describes: the
 * error summary in {@code .error-summary-region}, {@code form-group--error} on each failing group,
 * an error message before the input (or at the top of the fieldset) that the input's
 * {@code aria-describedby} points to, "Error: " before the title, and every value the person typed
 * put back. Values are set through Jsoup, so whatever was typed is escaped, never markup.
 */
final class FormPageFiller {

    private final Messages messages;
    private final PageLayout layout;

    FormPageFiller(PageLayout layout) {
        this.messages = layout.messages();
        this.layout = layout;
    }

    /** Fills the form in the page; false when the page has no such form (the caller falls back). */
    boolean fill(Document page, String formId, String language, List<FieldError> errors,
                 Map<String, List<String>> typed) {
        Optional<Element> found = findForm(page, formId);
        if (found.isEmpty()) {
            return false;
        }
        Element form = found.get();
        Element title = page.selectFirst("title");
        if (title != null) {
            title.text(messages.get(language, "error.title-prefix") + " " + title.text());
        }
        AddAnotherItems.ensure(form, typed, "");
        putBackValues(form, typed);
        summary(form, language, errors);
        Map<String, Element> groups = new java.util.HashMap<>(); // one walk of the form, not one per error
        for (Element group : form.select(".form-group[data-field]")) {
            groups.putIfAbsent(group.attr("data-field"), group);
        }
        for (FieldError error : errors) {
            if (!FieldError.WHOLE_FORM.equals(error.field())) {
                markField(groups.get(error.field()), language, error);
            }
        }
        return true;
    }

    /**
     * The form again after "add another" was pressed for {@code field}: what was typed put back, and
     * one more box (focused) unless the field has as many as it allows. False when the page has no such form.
     */
    boolean addAnother(Document page, String formId, String field, Map<String, List<String>> typed) {
        Optional<Element> found = findForm(page, formId);
        if (found.isEmpty()) {
            return false;
        }
        AddAnotherItems.ensure(found.get(), typed, field);
        putBackValues(found.get(), typed);
        return true;
    }

    private static Optional<Element> findForm(Document page, String formId) {
        for (Element form : page.select("form")) {
            if (formId.equals(form.attr("data-form-id"))) {
                return Optional.of(form);
            }
            Element hiddenId = form.selectFirst("input[name=form-id]");
            if (hiddenId != null && formId.equals(hiddenId.attr("value"))) {
                return Optional.of(form);
            }
        }
        return Optional.empty();
    }

    private void summary(Element form, String language, List<FieldError> errors) {
        Element region = form.selectFirst(".error-summary-region");
        if (region == null) {
            region = form.prependElement("div").addClass("error-summary-region");
        }
        region.empty();
        List<ErrorSummary.Problem> problems = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        for (FieldError error : errors) {
            if (shown.add(error.inputId() + "\n" + error.message())) {
                Optional<String> legend = legendOf(form, error.inputId());
                problems.add(new ErrorSummary.Problem(error.message(), "#" + legend.orElse(error.inputId()),
                        legend.isPresent() ? error.inputId() : ""));
            }
        }
        // The theme's markup as it is: it is written out unchanged, and parsing it into nodes first
        // cost a tenth of a 422 (issue 23's intake profile). Nothing below looks inside it.
        region.appendChild(new DataNode(layout.fragment("error-summary",
                new ErrorSummary(messages.get(language, "error.summary-title"), problems))));
    }

    /**
     * The id of the legend of the fieldset holding {@code inputId}, given one if it has none (the
     * input's id + "--legend"). A summary link to a question asked by a fieldset goes to its legend,
     * so the question, not only its first radio, is in view (GOV.UK error summary; without
     * JavaScript the browser scrolls to the legend, and Tab then reaches the first answer);
     * assets/polisi.js then moves focus to the input named in {@code data-input}.
     */
    private static Optional<String> legendOf(Element form, String inputId) {
        Element input = form.getElementById(inputId);
        Element fieldset = input == null ? null : input.closest("fieldset");
        Element legend = fieldset == null ? null : fieldset.selectFirst("> legend");
        if (legend == null) {
            return Optional.empty();
        }
        if (legend.id().isEmpty()) {
            legend.id(inputId.replaceFirst("--\\d+$", "") + "--legend");
        }
        return Optional.of(legend.id());
    }

    /** @param group the field's {@code .form-group}, or null when the page has none for it */
    private void markField(Element group, String language, FieldError error) {
        if (group == null) {
            return; // the summary still names the problem
        }
        group.addClass("form-group--error");
        String messageId = InputIds.error(error.inputId());
        if (group.getElementById(messageId) != null) {
            return; // one message per input is enough
        }
        Element message = new Element("p").addClass("error-message").attr("id", messageId);
        message.appendElement("span").addClass("visually-hidden").text(messages.get(language, "error.hidden-prefix"));
        message.appendText(" " + error.message());

        Element fieldset = group.selectFirst("fieldset");
        Element described;
        if (fieldset != null) {
            Element legend = fieldset.selectFirst("legend");
            Element hint = fieldset.selectFirst(".hint");
            Element after = hint != null ? hint : legend;
            if (after != null) {
                after.after(message);
            } else {
                fieldset.prependChild(message);
            }
            described = fieldset;
        } else {
            Element input = group.getElementById(error.inputId());
            if (input == null) {
                input = group.selectFirst("input, textarea, select");
            }
            if (input == null) {
                group.appendChild(message);
                return;
            }
            input.before(message);
            described = input;
        }
        String existing = described.attr("aria-describedby");
        described.attr("aria-describedby", existing.isBlank() ? messageId : existing + " " + messageId);
    }

    /** Puts back what was typed: text, selections and ticks; never the honeypot, never the hidden fields. */
    private static void putBackValues(Element form, Map<String, List<String>> typed) {
        Map<String, Iterator<String>> textValues = new java.util.HashMap<>();
        for (Element control : form.select("input[name], textarea[name], select[name]")) {
            String name = control.attr("name");
            if (name.equals(SubmissionRequest.HONEYPOT) || !typed.containsKey(name)) {
                continue;
            }
            List<String> values = typed.get(name);
            String type = control.attr("type").toLowerCase(java.util.Locale.ROOT);
            switch (control.tagName()) {
                case "textarea" -> control.text(next(textValues, name, values));
                case "select" -> {
                    List<String> chosen = new ArrayList<>(values);
                    for (Element option : control.select("option")) {
                        option.removeAttr("selected");
                        if (chosen.contains(option.attr("value"))) {
                            option.attr("selected", "");
                        }
                    }
                }
                default -> {
                    if (type.equals("hidden") || type.equals("submit") || type.equals("button")) {
                        continue;
                    }
                    if (type.equals("radio") || type.equals("checkbox")) {
                        control.removeAttr("checked");
                        if (values.contains(control.attr("value"))) {
                            control.attr("checked", "");
                        }
                    } else {
                        control.attr("value", next(textValues, name, values));
                    }
                }
            }
        }
    }

    /** Inputs that share a name (pupil names) get the typed values in order. */
    private static String next(Map<String, Iterator<String>> cursors, String name, List<String> values) {
        Iterator<String> cursor = cursors.computeIfAbsent(name, key -> values.iterator());
        return cursor.hasNext() ? cursor.next() : "";
    }

    /**
     * The page shown at a draft's address (docs/adr/0052): the form posts back to the draft
     * ({@code ?draft=<token>}), each question's group gets the id a "Change" link leads to
     * ({@link InputIds#question}), and each language link of the toggle goes where {@code toggle}
     * says for its language (left as it is when empty).
     */
    static void pointAtDraft(Document page, String formId, String token,
                             java.util.function.Function<String, Optional<String>> toggle) {
        findForm(page, formId).ifPresent(form -> {
            String action = form.attr("action");
            form.attr("action", action + (action.contains("?") ? "&" : "?") + "draft=" + token);
            for (Element group : form.select(".form-group[data-field]")) {
                if (group.id().isEmpty()) {
                    group.id(InputIds.question(formId, group.attr("data-field")));
                }
            }
        });
        for (Element link : page.select("nav.language-toggle a[hreflang]")) {
            toggle.apply(link.attr("hreflang")).ifPresent(href -> link.attr("href", href));
        }
    }

    /**
     * The page is re-shown at an address of the server's (a draft's, or the POST address), not at its
     * own: relative links (breadcrumbs,
     * the language toggle, the stylesheet) are made root-relative to the page's own path so they
     * still lead where they did. In-page links ({@code #field}) stay as they are, so the error
     * summary's links still move to the fields; a {@code <base>} element would break them.
     */
    static void keepLinksRelativeTo(Element page, String pagePath) {
        java.net.URI base = java.net.URI.create(pagePath);
        for (Element element : page.select("[href], [src]")) {
            String attribute = element.hasAttr("href") ? "href" : "src";
            String value = element.attr(attribute);
            if (value.isEmpty() || value.startsWith("#") || value.startsWith("/") || value.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                continue;
            }
            element.attr(attribute, base.resolve(value).toString());
        }
    }

    /**
     * Puts the guidance first in the page's {@code <main>} (the form page filled in again), as the
     * {@code urgentGuidance} macro of {@code server/frames.ftl} writes it on the server's own pages:
     * a {@code role="alert"} region, so that a screen reader says it before the errors.
     */
    static void leadWithUrgentGuidance(org.jsoup.nodes.Document page, UrgentGuidance.Guidance guidance) {
        org.jsoup.nodes.Element main = Optional.ofNullable(page.selectFirst("main")).orElse(page.body());
        org.jsoup.nodes.Element region = new org.jsoup.nodes.Element("div").addClass("urgent-instructions")
                .attr("role", "alert");
        region.appendElement("h2").text(guidance.title());
        region.appendElement("p").text(guidance.intro());
        if (!guidance.steps().isEmpty()) {
            org.jsoup.nodes.Element steps = region.appendElement("ol").addClass("urgent-steps");
            guidance.steps().forEach(step -> steps.appendElement("li").text(step));
        }
        if (guidance.procedure() != null) {
            region.appendElement("p").addClass("urgent-procedure").appendElement("a")
                    .attr("href", guidance.procedure().href()).text(guidance.procedure().text());
        }
        main.prependChild(region);
    }
}
