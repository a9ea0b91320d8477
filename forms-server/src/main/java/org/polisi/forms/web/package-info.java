/**
 * Web: the HTTP side. One routes file ({@link org.polisi.forms.web.Routes}), thin handlers, the
 * pages the server writes itself, the security headers, the checks made before a request, the
 * limits Jetty applies to each client ({@link org.polisi.forms.web.ServerLimits}: with a deadline for
 * each request head and a limit on connections per address, ADR 0075), the client's
 * address behind trusted proxies ({@link org.polisi.forms.web.TrustedProxies}, ADR 54), the 4xx
 * every malformed request gets ({@link org.polisi.forms.web.RequestFaults}) and its one log line
 * ({@link org.polisi.forms.web.RefusalLog}).
 *
 * <p><b>Input:</b> HTTP requests: form posts and JSON to {@code /forms/…}, staff pages under
 * {@code /staff/}, and GETs for the baked site.
 * <p><b>Output:</b> responses: the baked site's files with security headers; 303 to a confirmation
 * page; 303 to a draft's page for answers not recorded yet ({@link org.polisi.forms.web.FormDraftPages}:
 * the baked page again with the answers and errors, in either language, "Check your answers"
 * before a consent, agreement or notice of objection is recorded, a withdrawal's second page (its
 * consent form's statements), and a sent draft's "this form has been sent"; ADR 0052); the baked page
 * re-shown in place with 400 when part of the body could not be decoded; the receipt and its copy by
 * e-mail (ADR 0060); 429 past the per-client limit, counted per draft for a draft's posts
 * ({@link org.polisi.forms.web.PostedDrafts}), with a link to the answers it kept; JSON for scripts; staff
 * pages (including "Find everything about a person", a withdrawal request's matching, an
 * incident's chronology, and "Which school?" at sign-in and to change school,
 * {@link org.polisi.forms.web.SchoolChoice}, ADR 0080, 0087); CSV.
 * <p><b>Why:</b> the only package that knows Javalin: services below it are plain Java and tested
 * without HTTP. A handler decides, builds a small view record and hands it to the theme
 * ({@link org.polisi.forms.web.PageLayout}, {@link org.polisi.forms.web.ThemePages}): the pages
 * come from {@code themes/default/templates/server/*.ftl} in the frame the site's pages share
 * ({@code layout.ftl}: header, language toggle, container, footer, error summary), in Freemarker's
 * HTML output format, so every text is escaped on its way out, and typed text is isolated in
 * {@code <bdi>} (ADR 0022, ADR 0041, ADR 0042). No page's markup is assembled in Java
 * ({@code ServerPagesFromTheThemeTest}); only a page the site baked is edited with Jsoup (a re-shown
 * form filled in, on a copy of the page parsed once by {@link org.polisi.forms.web.BakedFormPages};
 * an archived agreed text's form closed). A staff page shows only the links its
 * reader's role may open ({@link org.polisi.forms.staff.StaffRecords#mayOpen},
 * {@link org.polisi.forms.staff.StaffRecords#mayOpenRecord}).
 */
package org.polisi.forms.web;
