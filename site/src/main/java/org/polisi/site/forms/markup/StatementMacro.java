package org.polisi.site.forms.markup;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.asciidoctor.ast.ContentNode;
import org.asciidoctor.ast.Cursor;
import org.asciidoctor.ast.Document;
import org.asciidoctor.ast.PhraseNode;
import org.asciidoctor.ast.StructuralNode;
import org.asciidoctor.extension.InlineMacroProcessor;
import org.asciidoctor.extension.Name;
import org.jsoup.nodes.Entities;
import org.polisi.site.forms.definition.ConsentStatement;
import org.polisi.site.forms.definition.FormDefinition;
import org.polisi.site.forms.definition.LocalizedText;

/**
 * {@code statement:<form-id>[<statement-id>]}: the words of one thing a person agrees to, taken from
 * the form definition that records the answer, in the page's language (issue 15). The statement id is
 * a consent statement's {@code id}, a {@code checkboxes} option's {@code value} (a statement the person
 * ticks to agree to, such as a promise), or {@code declaration} for the form's declaration. A page that
 * shows a statement outside its form therefore shows exactly the words the receipt records; it can
 * never be worded one way on the page and another way in the form.
 *
 * <p>Output: the text, HTML-escaped, in {@code <span class="form-statement" data-form-id data-statement-id>}.
 * Registered beside {@link FormMacro}, bound to the same build's {@link FormsSession} and told the
 * page each converting thread is on. Never throws: an unknown form or statement leaves the macro's
 * own text in the page and a problem (file and line) in the session, which fails the build.
 */
@Name("statement")
public final class StatementMacro extends InlineMacroProcessor {
    /** The statement id that names a form's declaration rather than one of its consent statements. */
    public static final String DECLARATION = "declaration";

    private final FormsSession session;
    private final Supplier<Optional<FormPage>> currentPage;

    /**
     * @param session     the build's forms, whose definitions hold the statements; problems go there
     * @param currentPage the page being converted on the calling thread (empty outside a composed page)
     */
    public StatementMacro(FormsSession session, Supplier<Optional<FormPage>> currentPage) {
        super("statement");
        this.session = session;
        this.currentPage = currentPage;
    }

    @Override
    public PhraseNode process(ContentNode parent, String formId, Map<String, Object> attributes) {
        Document document = parent.getDocument();
        String statementId = statementId(attributes);
        String macro = "statement:" + formId + "[" + statementId + "]";
        Optional<FormPage> page = currentPage.get();
        if (page.isEmpty()) {
            return phrase(parent, formId, statementId, macro);
        }
        String language = page.get().language();
        String schoolId = page.get().school();
        if (session.school(schoolId).isEmpty()) {
            // the school's form definitions could not be read: each fault was reported at its file and
            // line, and this is only its echo (said as the form macro says it, so it is not reported again)
            session.problem(page, location(parent, document, page.get()) + ": " + macro + ": " + FormMacro.NO_FORMS + " '" + schoolId + "'");
            return phrase(parent, formId, statementId, macro);
        }
        Optional<String> text = session.school(schoolId)
                .flatMap(school -> school.forms().find(formId))
                .flatMap(form -> text(form, statementId))
                .map(localized -> localized.byLanguage().get(language));
        if (text.isEmpty() || text.get() == null || text.get().isBlank()) {
            session.problem(page, location(parent, document, page.get()) + ": " + macro + ": school '" + schoolId
                    + "' has no form '" + formId + "' with a statement '" + statementId + "' in '" + language
                    + "' (a consent statement's id, a checkboxes option's value, or 'declaration')");
            return phrase(parent, formId, statementId, macro);
        }
        return phrase(parent, formId, statementId, text.get());
    }

    /**
     * The words of a form's statement in every language it has, if the form has that statement.
     *
     * @param form        a checked form definition
     * @param statementId a consent statement's id, a checkboxes option's value (an agreement statement),
     *                    or {@link #DECLARATION}
     * @return the statement's text, or empty when the form has no such statement
     */
    public static Optional<LocalizedText> text(FormDefinition form, String statementId) {
        if (DECLARATION.equals(statementId)) {
            return form.declaration();
        }
        Optional<LocalizedText> consent = form.fields().stream()
                .flatMap(field -> field.statements().stream())
                .filter(statement -> statement.id().equals(statementId))
                .map(ConsentStatement::text)
                .findFirst();
        if (consent.isPresent()) {
            return consent;
        }
        // an agreement statement: a checkboxes option the person ticks to agree (a promise is not a consent)
        return form.fields().stream()
                .filter(field -> field.type() == org.polisi.contract.FieldType.CHECKBOXES)
                .flatMap(field -> field.options().stream())
                .filter(option -> option.value().equals(statementId))
                .map(org.polisi.site.forms.definition.FieldOption::label)
                .findFirst();
    }

    /** Every statement a form records: its consent statements by id, then its declaration. */
    public static Map<String, LocalizedText> statements(FormDefinition form) {
        Map<String, LocalizedText> all = new LinkedHashMap<>();
        form.fields().forEach(field -> field.statements().forEach(statement -> all.put(statement.id(), statement.text())));
        form.declaration().ifPresent(declaration -> all.put(DECLARATION, declaration));
        return all;
    }

    private PhraseNode phrase(ContentNode parent, String formId, String statementId, String text) {
        String html = "<span class=\"form-statement\" data-form-id=\"" + Entities.escape(formId)
                + "\" data-statement-id=\"" + Entities.escape(statementId) + "\">" + Entities.escape(text) + "</span>";
        // Asciidoctor writes into these maps: they must be mutable.
        return createPhraseNode(parent, "quoted", html, new HashMap<>(), new HashMap<>(Map.of("subs", ":none")));
    }

    private static String statementId(Map<String, Object> attributes) {
        Object text = attributes.getOrDefault("text", attributes.get("1"));
        return text == null ? "" : text.toString().strip();
    }

    /** File and line of the block that holds the macro when the build enables the sourcemap; else the file. */
    private static String location(ContentNode node, Document document, FormPage page) {
        ContentNode block = node;
        while (block != null && !(block instanceof StructuralNode)) {
            block = block.getParent();
        }
        if (block instanceof StructuralNode structural) {
            Cursor cursor = structural.getSourceLocation();
            if (cursor != null && cursor.getFile() != null) {
                return cursor.getFile() + ":" + cursor.getLineNumber();
            }
        }
        Object file = document.getAttribute("docfile");
        return file == null || file.toString().isBlank() ? page.url() : file.toString();
    }
}
