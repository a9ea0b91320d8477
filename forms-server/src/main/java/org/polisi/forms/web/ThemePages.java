package org.polisi.forms.web;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.DefaultMapAdapter;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.Map;

/**
 * The server's pages from the theme: {@code themes/default/templates/server/<name>.ftl}, which
 * import the frame the site's pages use ({@code layout.ftl}). The build copies both onto the
 * classpath under {@code templates/}. Freemarker's HTML output format escapes every string a
 * template prints, so a handler hands over plain text (answers exactly as typed) and never markup;
 * a template prints a person's text through {@code typed.ftl}'s {@code <bdi>} per line (ADR 0022).
 * See docs/adr/0042-server-pages-from-the-theme.md.
 *
 * <p>Views are records: a template reads a record's components by name ({@code page.title}).
 * A missing value or a template error is a bug and fails loudly ({@link IllegalStateException}).
 */
final class ThemePages {

    private final Configuration configuration;

    ThemePages() {
        configuration = new Configuration(Configuration.VERSION_2_3_33);
        configuration.setClassForTemplateLoading(ThemePages.class, "/templates");
        configuration.setDefaultEncoding("UTF-8");
        configuration.setLocalizedLookup(false); // one template per page; the language is in the view
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNumberFormat("computer"); // numbers shown to people come formatted from the bundles
        configuration.setObjectWrapper(new RecordWrapper());
        // typed text's bidirectional formatting characters shown as code points (frames.ftl's typed macro; ADR 0061)
        configuration.setSharedVariable("bidiVisible", (freemarker.template.TemplateMethodModelEx) arguments ->
                org.polisi.forms.text.BidiControls.visible(
                        ((freemarker.template.TemplateScalarModel) arguments.get(0)).getAsString()));
    }

    /**
     * Hands a record to a template as a hash of its components ({@code page.title}), whether or
     * not the record is public: the views are package-private records next to their handlers, and
     * Freemarker's bean wrapper sees only public classes.
     */
    private static final class RecordWrapper extends DefaultObjectWrapper {
        RecordWrapper() {
            super(Configuration.VERSION_2_3_33);
        }

        @Override
        protected TemplateModel handleUnknownType(Object object) throws TemplateModelException {
            if (!object.getClass().isRecord()) {
                return super.handleUnknownType(object);
            }
            Map<String, Object> components = new LinkedHashMap<>();
            for (RecordComponent component : object.getClass().getRecordComponents()) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    components.put(component.getName(), accessor.invoke(object));
                } catch (ReflectiveOperationException e) {
                    throw new TemplateModelException("cannot read " + component.getName() + " of " + object.getClass(), e);
                }
            }
            return DefaultMapAdapter.adapt(components, this);
        }
    }

    /**
     * The page {@code server/<name>.ftl} drawn in a frame.
     *
     * @param name  the template's name without folder or extension, e.g. {@code error}
     * @param frame what the shared frame shows (header, toggle, footer)
     * @param page  the page's own view record, read in the template as {@code page}
     * @return the whole HTML document
     */
    String render(String name, PageFrame frame, Object page) {
        return render(name, frame, null, page);
    }

    /** As {@link #render(String, PageFrame, Object)}, for a staff page: {@code staff} is its header (navigation, title). */
    String render(String name, PageFrame frame, PageLayout.StaffHeader staff, Object page) {
        Map<String, Object> model = new HashMap<>();
        model.put("frame", frame);
        model.put("staff", staff);
        model.put("page", page);
        return serialised(process("server/" + name + ".ftl", model));
    }

    /**
     * The page as Jsoup writes HTML, as every server page was written before the theme drew them:
     * Freemarker has escaped every string already (it writes {@code '} and {@code "} in text as
     * entities too); Jsoup's serializer writes entities only where HTML needs them ({@code <},
     * {@code &}, and {@code "} in an attribute), so a stored answer reads the same in the page's
     * source as it was typed. Not pretty-printed: that would collapse typed spaces (ADR 0022).
     */
    private static String serialised(String html) {
        org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(html);
        document.outputSettings().charset(java.nio.charset.StandardCharsets.UTF_8).prettyPrint(false);
        return document.outerHtml();
    }

    /** A fragment, {@code server/<name>.ftl} without a frame (the error summary put into a baked page). */
    String fragment(String name, Object page) {
        return process("server/" + name + ".ftl", Map.of("page", page));
    }

    private String process(String template, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            configuration.getTemplate(template).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the theme's template " + template, e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the theme's template " + template + " failed: " + e.getMessage(), e);
        }
    }
}
