package org.polisi.site.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.site.Fixtures;
import org.polisi.site.compose.StagedPage;
import org.polisi.site.content.SourceLine;
import org.polisi.site.problem.Problem;
import org.polisi.site.problem.Problems;
import org.polisi.site.theme.Messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks of a page's text, on pages written here as the renderer would write them: what
 * jsoup's white-space normalisation could hide or reveal (a reference or a macro marker between
 * line breaks, tabs and no-break spaces) is found exactly where it was found before the checks
 * stopped normalising text that holds neither a brace nor "::" (docs/adr/0086), and an English
 * interface text is reported on every page that speaks it, however often the build has met it.
 */
class HtmlTextChecksTest {
    private static final Map<String, Messages> MESSAGES = Map.of(
            "en", Messages.load(Fixtures.theme().resolve("i18n"), "en"),
            "cy", Messages.load(Fixtures.theme().resolve("i18n"), "cy"));

    @TempDir
    Path out;

    private final List<StagedPage> pages = new ArrayList<>();

    /** A page of school "ysgol" whose body is {@code body}; its source is {@code source}, one line. */
    private void page(String language, String key, String body, String source) throws IOException {
        String path = "ysgol/" + language + "/" + key;
        Path file = out.resolve(path + ".html");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "<!DOCTYPE html><html lang=\"" + language + "\"><head><title>" + key + "</title></head><body><main>"
                + "<h1>" + key + "</h1>" + body + "</main></body></html>");
        Path adoc = out.resolve("content/" + path + ".adoc");
        pages.add(new StagedPage("ysgol", language, key, path, "= " + key + "\n\n" + source + "\n",
                List.of(new SourceLine("= " + key, adoc, 1), new SourceLine(source, adoc, 3)), "", null));
    }

    private List<Problem> check() {
        Problems problems = new Problems();
        new HtmlChecks(out, problems, MESSAGES).check(pages);
        return problems.all();
    }

    private static List<String> codes(List<Problem> problems, String code) {
        return problems.stream().filter(p -> p.code().equals(code)).map(Problem::message).toList();
    }

    @Test
    void aReferenceAmongLineBreaksTabsAndNoBreakSpacesIsReportedAtItsLine() throws IOException {
        page("en", "one", "<p>Ask\n\t  {head-teacher}&nbsp;&nbsp;\n today.</p>", "Ask {head-teacher} today.");
        page("en", "two", "<p>\n{school-manger}\n</p><p>A line without a brace.</p>", "{school-manger}");
        List<Problem> problems = check();
        List<String> unresolved = codes(problems, "unresolved-attribute");
        assertEquals(2, unresolved.size(), problems.toString());
        assertTrue(unresolved.get(0).startsWith("'{head-teacher}' has no value"), unresolved.toString());
        assertTrue(unresolved.get(1).startsWith("'{school-manger}' has no value"), unresolved.toString());
        assertTrue(problems.stream().allMatch(p -> p.line() == 3), "at the source line: " + problems);
    }

    @Test
    void aReferenceInAnAttributeTheReaderMeetsIsReportedThoughTheTextHasNoBrace() throws IOException {
        page("en", "one", "<p><img src=\"a.png\" alt=\"The {logo-text}\"> A picture.</p>", "image::a.png[The {logo-text}]");
        assertEquals(1, codes(check(), "unresolved-attribute").size());
    }

    @Test
    void aMacroMarkerAmongWhiteSpaceInAParagraphIsReportedButNotOutsideOne() throws IOException {
        page("en", "one", "<p>\n  widget::thing[]\n</p>", "widget::thing[]");
        page("en", "two", "<div>gadget::thing[]</div><p>A note: the time is 10::30 [not a macro].</p>", "gadget::thing[]");
        List<String> macros = codes(check(), "unknown-macro");
        assertEquals(List.of("'widget::' is not a block macro this site knows (/ysgol/en/one.html)"), macros);
    }

    @Test
    void aReferenceOrMarkerInsideAFormIsLeftToTheFormsOwnCheck() throws IOException {
        page("en", "one", "<div class=\"polisi-form\"><p>{form-word}</p><p>widget::x[]</p></div>", "form::consent[]");
        assertEquals(List.of(), check());
    }

    @Test
    void anEnglishButtonIsReportedOnEveryWelshPageThatSpeaksItNotOnlyTheFirst() throws IOException {
        for (String key : List.of("one", "two", "three")) {
            page("cy", key, "<p>Testun.</p><button>Send</button><button>Anfon</button>", "Testun.");
        }
        List<Problem> problems = check();
        List<String> english = codes(problems, "english-interface-text");
        assertEquals(3, english.size(), problems.toString());
        for (String key : List.of("one", "two", "three")) {
            assertTrue(english.stream().anyMatch(m -> m.startsWith("button 'Send' is the English of") && m.endsWith("(/ysgol/cy/" + key + ".html)")),
                    english.toString());
        }
    }
}
