package org.polisi.site.forms.markup;

import java.util.Map;
import java.util.Optional;
import org.asciidoctor.ast.Cursor;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.BlockMacroProcessor;
import org.asciidoctor.extension.Name;
import org.jsoup.nodes.Element;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.FormsSchoolContext;
import org.polisi.site.forms.manifest.FormVersion;
import org.polisi.site.forms.manifest.RenderedForm;

/**
 * {@code form::<id>[]}: renders the school's form at that place as a pass block, and records the
 * version it rendered for the manifest. Reads the page attributes the build sets:
 * {@code polisi-school}, {@code polisi-lang}, {@code polisi-page-hash}, {@code polisi-page-url}.
 *
 * <p>Never throws: a form that cannot be rendered leaves a visible {@code form-missing} marker and a
 * problem in {@link FormsBuildContext#problems()}, so one bad page does not hide the others' errors.
 */
@Name("form")
public final class FormMacro extends BlockMacroProcessor {

    @Override
    public Object process(StructuralNode parent, String formId, Map<String, Object> attributes) {
        Document page = parent.getDocument();
        String where = location(parent, page) + ": form::" + formId + "[]";
        String schoolId = attribute(page, "polisi-school");
        String language = attribute(page, "polisi-lang");
        if (!FormsBuildContext.started()) {
            return missing(parent, formId, Optional.empty(), language);
        }
        Optional<FormsSchoolContext> school = FormsBuildContext.school(schoolId);
        if (school.isEmpty()) {
            return problem(parent, formId, where + ": no forms are known for school '" + schoolId + "'", school, language);
        }
        if (!school.get().forms().languages().contains(language)) {
            return problem(parent, formId, where + ": the page's language '" + language + "' is not one the school publishes", Optional.empty(), language);
        }
        Optional<FormDefinition> form = school.get().forms().find(formId);
        if (form.isEmpty()) {
            return problem(parent, formId, where + ": unknown form id '" + formId + "' for school '" + schoolId + "'", school, language);
        }
        String pageHash = attribute(page, "polisi-page-hash");
        String pageUrl = attribute(page, "polisi-page-url");
        if (pageHash.isEmpty() || pageUrl.isEmpty()) {
            FormsBuildContext.problem(where + ": the page has no polisi-page-hash or polisi-page-url, so the form's version cannot name what was signed");
        }
        try {
            String version = FormVersion.of(form.get(), school.get(), language, pageHash);
            String html = new FormRenderer(school.get(), language).render(form.get(), version);
            FormsBuildContext.record(new RenderedForm(schoolId, formId, language, version, pageUrl));
            return createBlock(parent, "pass", html);
        } catch (RuntimeException cannotRender) {
            return problem(parent, formId, where + ": " + cannotRender.getMessage(), school, language);
        }
    }

    private Object problem(StructuralNode parent, String formId, String message,
                           Optional<FormsSchoolContext> school, String language) {
        FormsBuildContext.problem(message);
        return missing(parent, formId, school, language);
    }

    /** Worded by the school's bundle when there is one; a conversion outside a build just names the macro. */
    private Object missing(StructuralNode parent, String formId, Optional<FormsSchoolContext> school, String language) {
        String text = school.filter(known -> known.messagesByLang().containsKey(language))
                .map(known -> known.messages(language))
                .filter(messages -> messages.has("forms.missing"))
                .map(messages -> messages.get("forms.missing"))
                .orElse("form::" + formId + "[]");
        Element marker = new Element("div").addClass("form-missing").attr("data-form-id", formId);
        marker.appendElement("p").text(text);
        return createBlock(parent, "pass", marker.outerHtml());
    }

    private static String attribute(Document page, String name) {
        Object value = page.getAttribute(name);
        return value == null ? "" : value.toString().strip();
    }

    /** File and line when the build enables Asciidoctor's sourcemap; otherwise the file or the page URL. */
    private static String location(StructuralNode node, Document page) {
        Cursor cursor = node.getSourceLocation();
        if (cursor != null && cursor.getFile() != null) {
            return cursor.getFile() + ":" + cursor.getLineNumber();
        }
        String file = attribute(page, "docfile");
        return file.isEmpty() ? attribute(page, "polisi-page-url") : file;
    }
}
