package org.polisi.site.forms.markup;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
 * version it rendered for the manifest in its {@link FormsSession}. The renderer registers one
 * instance per build on its Asciidoctor (AsciidoctorJ's {@code ExtensionGroup}), bound to that
 * build's session and told which page each converting thread is on; nothing is read back from the
 * page's attributes and nothing is kept between builds.
 *
 * <p>Never throws: a form that cannot be rendered leaves a visible {@code form-missing} marker and a
 * problem in the session, so one bad page does not hide the others' errors.
 */
@Name("form")
public final class FormMacro extends BlockMacroProcessor {
    private final FormsSession session;
    private final Supplier<Optional<FormPage>> currentPage;

    /**
     * @param session     the build's forms: what may be embedded, and where rendered forms and problems go
     * @param currentPage the page being converted on the calling thread (empty outside a composed page)
     */
    public FormMacro(FormsSession session, Supplier<Optional<FormPage>> currentPage) {
        super("form");
        this.session = session;
        this.currentPage = currentPage;
    }

    /** The words of the problem when a school has no readable form definitions (their own errors say why). */
    public static final String NO_FORMS = "no forms are known for school";
    /** The words of the problem when a {@code form::} names no form (reported already at compose: unknown-form). */
    public static final String UNKNOWN_FORM = "unknown form id";

    @Override
    public Object process(StructuralNode parent, String formId, Map<String, Object> attributes) {
        Document document = parent.getDocument();
        Optional<FormPage> page = currentPage.get();
        if (page.isEmpty()) {
            return missing(parent, formId, Optional.empty(), "");
        }
        String where = location(parent, document, page.get()) + ": form::" + formId + "[]";
        String schoolId = page.get().school();
        String language = page.get().language();
        Optional<FormsSchoolContext> school = session.school(schoolId);
        if (school.isEmpty()) {
            return problem(parent, page, formId, where + ": " + NO_FORMS + " '" + schoolId + "'", school, language);
        }
        if (!school.get().forms().languages().contains(language)) {
            return problem(parent, page, formId, where + ": the page's language '" + language + "' is not one the school publishes", Optional.empty(), language);
        }
        Optional<FormDefinition> form = school.get().forms().find(formId);
        if (form.isEmpty()) {
            return problem(parent, page, formId, where + ": " + UNKNOWN_FORM + " '" + formId + "' for school '" + schoolId + "'", school, language);
        }
        String pageHash = page.get().pageHash();
        String pageUrl = page.get().url();
        if (pageHash.isEmpty() || pageUrl.isEmpty()) {
            session.problem(page, where + ": the page has no polisi-page-hash or polisi-page-url, so the form's version cannot name what was signed");
        }
        try {
            String version = FormVersion.of(session.definitionText(form.get(), school.get(), language), pageHash);
            String html = new FormRenderer(school.get(), language).render(form.get(), version);
            session.record(new RenderedForm(schoolId, formId, language, version, pageUrl));
            return createBlock(parent, "pass", html);
        } catch (RuntimeException cannotRender) {
            return problem(parent, page, formId, where + ": " + cannotRender.getMessage(), school, language);
        }
    }

    private Object problem(StructuralNode parent, Optional<FormPage> page, String formId, String message,
                           Optional<FormsSchoolContext> school, String language) {
        session.problem(page, message);
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

    /** File and line when the build enables Asciidoctor's sourcemap; otherwise the file or the page URL. */
    private static String location(StructuralNode node, Document document, FormPage page) {
        Cursor cursor = node.getSourceLocation();
        if (cursor != null && cursor.getFile() != null) {
            return cursor.getFile() + ":" + cursor.getLineNumber();
        }
        Object file = document.getAttribute("docfile");
        return file == null || file.toString().isBlank() ? page.url() : file.toString();
    }
}
