package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every server page is drawn by a theme template from a view record, and no page's markup is
 * assembled in Java (issue 13, ADR 0042): a page class that built HTML (with Jsoup's builder, or by
 * concatenating tags) and poured it into a template as markup would make this fail. The sources are
 * read as text, as they are in the repository (the module's folder is Maven's working directory).
 */
class ServerPagesFromTheThemeTest {

    private static final Path WEB = Path.of("src/main/java/org/polisi/forms/web");
    private static final Path TEMPLATES = Path.of("../themes/default/templates/server");

    /**
     * The classes that edit a page the site baked (never a page of the server's own): they fill a
     * re-shown form with what was typed and its error messages, add "add another" boxes, put a
     * reference in the receipt lookup box, and close the form of an archived agreed text. Each must
     * still do so (the list shrinks when one moves to a template).
     */
    private static final List<String> BAKED_PAGE_EDITORS = List.of("AddAnotherItems.java", "AgreedTextPage.java",
            "FormPageFiller.java", "SiteHandler.java");

    /** Jsoup's calls that build or change elements. */
    private static final Pattern BUILDS_ELEMENTS = Pattern.compile(
            "appendElement\\(|prependElement\\(|new Element\\(|appendChild\\(|prependChild\\(|appendText\\("
                    + "|\\.attr\\([^,()]+,|addClass\\(|\\.html\\(\"|\\bElement\\.before\\(|\\.after\\(\\w+\\)|\\.before\\(\\w+\\)");

    /** A string literal that holds an HTML tag, such as {@code "<p>"} or {@code "</td"} (not Javalin's {@code "/<path>"}). */
    private static final Pattern TAG_IN_STRING = Pattern.compile(
            "\"[^\"\\n]*</?(a|abbr|bdi|body|br|button|caption|dd|details|div|dl|dt|em|fieldset|form|h[1-6]|head|html"
                    + "|input|label|legend|li|link|main|meta|nav|ol|option|p|section|select|span|strong|summary|table"
                    + "|tbody|td|textarea|th|thead|tr|ul)[\\s>/]");

    @Test
    void theTemplateThatTookMarkupBuiltInJavaIsGone() throws IOException {
        assertFalse(Files.exists(TEMPLATES.resolve("built.ftl")), "server/built.ftl took a page's content as markup");
        assertTrue(Files.exists(TEMPLATES.resolve("dashboard.ftl")), "the test reads the theme's templates: "
                + TEMPLATES.toAbsolutePath());
        for (Path java : javaSources()) {
            assertFalse(Files.readString(java).contains("\"built\""), java + " renders server/built.ftl");
        }
    }

    @Test
    void noServerTemplatePrintsMarkupUnescapedButTheArchivedPolicyPage() throws IOException {
        Map<String, List<String>> unescaped = new TreeMap<>();
        try (Stream<Path> templates = Files.list(TEMPLATES)) {
            for (Path template : templates.filter(path -> path.toString().endsWith(".ftl")).toList()) {
                List<String> uses = new ArrayList<>();
                Matcher use = Pattern.compile("\\$\\{([^}]*)\\?no_esc\\}").matcher(Files.readString(template));
                while (use.find()) {
                    uses.add(use.group(1));
                }
                if (!uses.isEmpty()) {
                    unescaped.put(template.getFileName().toString(), uses);
                }
            }
        }
        // the one exception: an archived policy page is the site's own baked HTML, escaped by Asciidoctor
        assertEquals(Map.of("agreed-text.ftl", List.of("page.archived")), unescaped,
                "a server template prints only plain text, escaped by Freemarker's HTML output format");
    }

    @Test
    void noClassUnderWebAssemblesMarkupOrConcatenatesTags() throws IOException {
        List<String> faults = new ArrayList<>();
        List<String> editorsSeen = new ArrayList<>();
        for (Path java : javaSources()) {
            String name = java.getFileName().toString();
            String code = withoutComments(Files.readString(java));
            Matcher tag = TAG_IN_STRING.matcher(code);
            while (tag.find()) {
                faults.add(name + " concatenates a tag: " + tag.group());
            }
            Matcher builds = BUILDS_ELEMENTS.matcher(code);
            boolean buildsElements = builds.find();
            if (BAKED_PAGE_EDITORS.contains(name)) {
                if (buildsElements) {
                    editorsSeen.add(name);
                }
            } else if (buildsElements) {
                faults.add(name + " builds elements with Jsoup (" + builds.group() + "): draw them in a template");
            }
        }
        assertEquals(List.of(), faults);
        assertEquals(BAKED_PAGE_EDITORS, editorsSeen.stream().sorted().toList(),
                "a class that no longer edits a baked page leaves the list of exceptions");
    }

    @Test
    void theChecksSeeWhatTheyLookFor() {
        // the patterns themselves must be able to fail: each finds what the old page classes wrote
        assertTrue(TAG_IN_STRING.matcher("sb.append(\"<td class=\\\"x\\\">\")").find());
        assertTrue(TAG_IN_STRING.matcher("\"</li>\"").find());
        assertFalse(TAG_IN_STRING.matcher("get(routes, \"/<path>\", handler)").find());
        assertTrue(BUILDS_ELEMENTS.matcher("Html.add(main, \"ul\").appendElement(\"li\")").find());
        assertTrue(BUILDS_ELEMENTS.matcher("tr.attr(\"class\", \"x\")").find());
        assertFalse(BUILDS_ELEMENTS.matcher("routes.before(handlers.guards()::check)").find());
        assertFalse(withoutComments("/** a <p> in a comment */ int x;").contains("<p>"));
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.list(WEB)) {
            List<Path> sources = files.filter(path -> path.toString().endsWith(".java")).sorted().toList();
            assertTrue(sources.size() > 20, "the test reads the web package's sources: " + WEB.toAbsolutePath());
            return sources;
        }
    }

    /** The code without its comments, where markup may be described. */
    private static String withoutComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "").replaceAll("\\s//[^\"\\n]*$", "");
    }
}
