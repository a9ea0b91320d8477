package org.polisi.forms.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.polisi.forms.TestServer;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SiteServingTest {

    TestServer server;

    @BeforeAll
    void start(@TempDir Path temporaryFolder) {
        server = TestServer.start(temporaryFolder);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void aBakedPageIsServedAsUtf8WithSecurityHeaders() {
        HttpResponse<String> page = server.browser().get("/testschool/cy/parent-agreement.html");

        assertEquals(200, page.statusCode());
        assertTrue(header(page, "Content-Type").matches("text/html; ?charset=utf-8"), header(page, "Content-Type"));
        assertTrue(page.body().contains("Grŵp blwyddyn"));
        String policy = header(page, "Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("nosniff", header(page, "X-Content-Type-Options"));
        assertEquals("same-origin", header(page, "Referrer-Policy"));
        assertEquals("no-cache", header(page, "Cache-Control"));
    }

    /** The 23:40 tester, fault 10: {@code /rumney/cy/index.html/} answered 200; a file with a slash after it is no file. */
    @Test
    void aFileNameWithASlashAfterItIsNotFound() {
        assertEquals(200, server.browser().get("/testschool/cy/parent-agreement.html").statusCode());
        assertEquals(404, server.browser().get("/testschool/cy/parent-agreement.html/").statusCode());
        assertEquals(404, server.browser().get("/testschool/cy/parent-agreement.html//").statusCode());
        assertEquals(404, server.browser().get("/assets/polisi.css/").statusCode());
        assertEquals(200, server.browser().get("/testschool/cy/parent-agreement.html?x=/").statusCode(), "a query is no path");
    }

    @Test
    void aPageAskedForCompressedIsServedWhole() {
        // Browsers always accept gzip: a Content-Length set before compression once made every page a 500.
        HttpResponse<String> page = server.browser().get("/testschool/en/parent-agreement.html", "Accept-Encoding", "gzip");
        assertEquals(200, page.statusCode());
    }

    @Test
    void assetsAreServedWithTheirTypeAndCached() {
        HttpResponse<String> css = server.browser().get("/assets/polisi.css");
        assertEquals(200, css.statusCode());
        assertTrue(header(css, "Content-Type").matches("text/css; ?charset=utf-8"));
        assertTrue(header(css, "Cache-Control").contains("max-age"));
        assertEquals(304, server.browser().get("/assets/polisi.css", "If-Modified-Since",
                header(css, "Last-Modified")).statusCode());
    }

    @Test
    void theRootServesTheSitesIndex() {
        HttpResponse<String> root = server.browser().get("/");
        assertEquals(200, root.statusCode());
        assertTrue(root.body().contains("Test Primary School"));
    }

    @Test
    void aMissingPageIsNotFoundInTheLanguageOfItsPath() {
        HttpResponse<String> welsh = server.browser().get("/testschool/cy/nothing-here.html");
        HttpResponse<String> english = server.browser().get("/testschool/en/nothing-here.html");

        assertEquals(404, welsh.statusCode());
        assertTrue(welsh.body().contains("<html lang=\"cy\">"));
        assertTrue(welsh.body().contains("Heb ddod o hyd i’r dudalen"));
        assertTrue(welsh.body().contains("href=\"/assets/polisi.css\""));
        assertTrue(welsh.body().contains("<main id=\"main-content\" class=\"main\">"));
        assertTrue(welsh.body().contains("aria-label=\"Iaith\""), "a language toggle");
        assertTrue(header(welsh, "Content-Type").matches("text/html; ?charset=utf-8"));
        assertEquals(404, english.statusCode());
        assertTrue(english.body().contains("Page not found"));
    }

    @Test
    void nothingOutsideTheSiteFolderIsServed() {
        for (String path : new String[] {"/../manifests/testschool.json", "/%2e%2e/manifests/testschool.json",
            "/testschool/%2e%2e/%2e%2e/manifests/testschool.json", "/testschool/.hidden"}) {
            HttpResponse<String> response = server.browser().get(path);
            assertTrue(response.statusCode() == 404 || response.statusCode() == 400, path + " " + response.statusCode());
            assertTrue(!response.body().contains("\"forms\""), path);
        }
    }

    @Test
    void staffAndFormPagesAreNeverCached() {
        HttpResponse<String> login = server.browser().get("/staff/login");
        assertEquals("no-store", header(login, "Cache-Control"));
        assertTrue(header(login, "Content-Type").matches("text/html; ?charset=utf-8"));
    }
}
