package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

/**
 * Every page the server writes comes in the theme's one frame ({@code layout.ftl}), as the site's
 * pages do (issue 13; issue 20 fault 4): the header's name and language toggle inside the
 * container, English first in both languages, main inside the container (the page margin), and
 * the footer. Public pages, error pages and staff pages alike, in English and in Welsh.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemePagesTest {

    TestServer server;

    @BeforeAll
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
        server.addStaff("testschool", "Nia Head", "head@testschool.example", "headteacher");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void publicAndErrorPagesHaveTheSharedFrameInBothLanguages() {
        TestServer.Browser browser = server.browser();
        for (String language : List.of("en", "cy")) {
            for (String path : List.of("/staff/login?lang=" + language, "/no-such-page?lang=" + language,
                    "/forms/testschool/received/NOSUCH?lang=" + language)) {
                assertFrame(Jsoup.parse(browser.get(path).body()), language, path);
            }
        }
    }

    @Test
    void staffPagesHaveTheSharedFrameWithTheStaffNavigationInBothLanguages() {
        TestServer.Browser head = server.loggedIn("head@testschool.example");
        for (String language : List.of("en", "cy")) {
            for (String path : List.of("/staff/", "/staff/submissions", "/staff/consents", "/staff/governors",
                    "/staff/signatures", "/staff/people", "/staff/roster", "/staff/account")) {
                Document page = Jsoup.parse(head.get(path + "?lang=" + language).body());
                assertFrame(page, language, path);
                Element nav = page.selectFirst("body > header.site-header > .container > nav.staff-nav");
                assertNotNull(nav, path + ": the staff navigation is in the header's container");
                assertEquals(8, nav.select("li > a").size(), path + ": seven pages, and the headteacher's roster (issue 20)");
                assertEquals(1, page.select("main > h1").size(), path + ": one title");
            }
        }
    }

    private static void assertFrame(Document page, String language, String path) {
        String where = path + " (" + language + "): ";
        assertEquals(language, page.selectFirst("html").attr("lang"), where + "the page's language");
        assertEquals("noindex", page.selectFirst("meta[name=robots]").attr("content"), where + "server pages are not indexed");
        assertEquals("/assets/polisi.css", page.selectFirst("link[rel=stylesheet]").attr("href"), where);
        assertEquals("#main-content", page.selectFirst("body > a.skip-link").attr("href"), where);
        Element header = page.selectFirst("body > header.site-header > .container.site-header__inner");
        assertNotNull(header, where + "the header's content sits in the container, as on the site");
        assertNotNull(header.selectFirst("> a.site-header__name"), where);
        List<String> toggle = header.select("> nav.language-toggle > ul > li > *").eachAttr("lang");
        assertEquals(List.of("en", "cy"), toggle, where + "the toggle lists English first, as the site does");
        assertEquals(language, header.selectFirst(".language-toggle [aria-current=true]").attr("lang"), where);
        Element main = page.selectFirst("body > div.container > main#main-content.main");
        assertNotNull(main, where + "main sits in the container, which gives the page its margin and width");
        Element footer = page.selectFirst("body > footer.site-footer > div.container > p");
        assertNotNull(footer, where + "the footer");
        assertTrue(!footer.text().isBlank(), where + "the footer says something");
    }
}
