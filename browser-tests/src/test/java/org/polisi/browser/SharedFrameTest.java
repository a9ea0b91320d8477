package org.polisi.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * One theme for both halves (issues 13 and 20): a page of the baked site and the pages the forms
 * server writes (staff sign-in, a receipt, not found) share the frame of {@code layout.ftl}. At a
 * desktop (1280 px) and a phone (390 px) width, in English and in Welsh, each has the same header
 * (structure, padding, type, the language toggle in the same order, and the same height where the
 * header shows the same name: a receipt names the school as the policy does, while sign-in and
 * not found name the server, and a shorter name may wrap less on a phone), the same container
 * (max width, width, a page margin on the phone), and the same footer (structure, width; its
 * number of lines is content); and axe finds nothing.
 */
@BrowserTest
class SharedFrameTest extends ServerAndBrowser {

    private static final List<Viewport> VIEWPORTS = List.of(Viewport.DESKTOP, Viewport.PHONE);

    /**
     * What the frame looks like on the current page: the header's height and element structure
     * (tags and classes, its text left out), the toggle's languages in order, the container's
     * computed max-width and measured width and left edge, main's left edge and right gap, and
     * the footer's structure and container width.
     */
    private static final String MEASURE = """
            const header = document.querySelector('body > header.site-header');
            const main = document.querySelector('main#main-content');
            const footer = document.querySelector('body > footer.site-footer');
            const shape = el => el.tagName.toLowerCase() + (el.className ? '.' + el.className.split(/\\s+/).sort().join('.') : '')
                + (el.children.length ? '(' + Array.from(el.children).map(shape).join(',') + ')' : '');
            const container = main.parentElement;
            const rect = el => el.getBoundingClientRect();
            return {
              headerHeight: Math.round(rect(header).height),
              headerName: header.querySelector('.site-header__name').textContent,
              headerBox: ['paddingTop', 'paddingBottom', 'borderBottomWidth'].map(p => getComputedStyle(header).getPropertyValue(p.replace(/[A-Z]/g, c => '-' + c.toLowerCase()))).join(' ')
                + ' / ' + ['paddingTop', 'paddingBottom', 'fontSize', 'lineHeight'].map(p => getComputedStyle(header.querySelector('.site-header__inner')).getPropertyValue(p.replace(/[A-Z]/g, c => '-' + c.toLowerCase()))).join(' ')
                + ' / ' + ['fontSize', 'fontWeight', 'lineHeight'].map(p => getComputedStyle(header.querySelector('.site-header__name')).getPropertyValue(p.replace(/[A-Z]/g, c => '-' + c.toLowerCase()))).join(' '),
              headerShape: shape(header.querySelector('.container')).replace(/nav\\.staff-nav\\(.*\\)$/, ''),
              toggle: Array.from(header.querySelectorAll('.language-toggle li > *')).map(e => e.getAttribute('lang')).join(','),
              containerClass: container.className,
              containerMaxWidth: getComputedStyle(container).maxWidth,
              containerWidth: Math.round(rect(container).width),
              headerContainerWidth: Math.round(rect(header.querySelector('.container')).width),
              mainLeft: Math.round(rect(main).left),
              mainRightGap: Math.round(document.documentElement.clientWidth - rect(main).right),
              footerShape: footer ? shape(footer).replace(/\\(p(,p)*\\)/g, '(p+)') : 'none',
              footerContainerWidth: footer ? Math.round(rect(footer.querySelector('.container')).width) : -1
            };""";

    @Test
    void siteAndServerPagesShareHeaderContainerAndFooterAtBothWidthsInBothLanguages() {
        String receipt = receiptPath();
        List<Executable> checks = new ArrayList<>();
        List<String> axe = new ArrayList<>();
        for (Viewport viewport : VIEWPORTS) {
            viewport.apply(browser);
            for (String language : List.of("en", "cy")) {
                Map<String, Map<String, Object>> measured = new LinkedHashMap<>();
                for (String path : List.of("/rumney/" + language + "/online-safety-policy.html",
                        "/staff/login?lang=" + language, receipt + "&lang=" + language,
                        "/rumney/" + language + "/no-such-page.html")) {
                    browser.get(server.url(path));
                    assertEquals(language, Pages.language(browser), path);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> frame = (Map<String, Object>) browser.executeScript(MEASURE);
                    measured.put(path, frame);
                    String violations = Axe.violations(browser);
                    if (!violations.isEmpty()) {
                        axe.add(viewport.name() + " " + path + ":\n" + violations);
                    }
                }
                String where = viewport.name() + ", " + language;
                Map<String, Object> site = measured.values().iterator().next();
                checks.add(() -> assertEquals("en,cy", site.get("toggle"), where + ": the site's toggle, English first"));
                checks.add(() -> assertTrue(((Number) site.get("mainLeft")).longValue() > 0
                        && ((Number) site.get("mainRightGap")).longValue() > 0, where + ": the site has a page margin " + site));
                measured.forEach((path, frame) -> {
                    String what = where + ", " + path + " against the policy page: ";
                    if (site.get("headerName").equals(frame.get("headerName"))) {
                        // The same name wraps the same way: the header is exactly as tall.
                        checks.add(() -> assertEquals(site.get("headerHeight"), frame.get("headerHeight"), what + "headerHeight"));
                    }
                    for (String key : List.of("headerBox", "headerShape", "toggle", "containerClass",
                            "containerMaxWidth", "containerWidth", "headerContainerWidth", "mainLeft", "mainRightGap",
                            "footerShape", "footerContainerWidth")) {
                        checks.add(() -> assertEquals(site.get(key), frame.get(key), what + key));
                    }
                });
                if (viewport.mobile()) {
                    checks.add(() -> assertTrue(((Number) site.get("mainLeft")).longValue() >= 16, where
                            + ": a phone's page margin is at least 1rem " + site));
                } else {
                    checks.add(() -> assertTrue(((Number) site.get("containerWidth")).longValue() < viewport.width(),
                            where + ": the container does not run edge to edge " + site));
                }
            }
        }
        Viewport.reset(browser);
        checks.add(() -> assertTrue(axe.isEmpty(), "axe violations:\n" + String.join("\n", axe)));
        assertAll(checks);
    }

    /** A receipt's address (with its token), from a consent form sent in the browser. */
    private static String receiptPath() {
        browser.get(server.url("/rumney/en/" + ConsentFormSteps.PAGE));
        ConsentFormSteps form = new ConsentFormSteps(browser);
        form.fillEverythingGiven("Gruffydd Jones");
        form.send();
        form.checkAndSend();
        form.assertConfirmation("en");
        java.net.URI address = java.net.URI.create(browser.getCurrentUrl());
        String query = address.getRawQuery();
        assertTrue(query != null && query.contains("t="), "the receipt's address has its token: " + address);
        return address.getRawPath() + "?" + query.replaceAll("(^|&)lang=[^&]*", "");
    }
}
