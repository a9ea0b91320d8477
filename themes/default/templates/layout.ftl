<#ftl output_format="HTML" strip_whitespace=true>
<#-- The one frame of every page, on the site (page.ftl, index.ftl) and on the forms server
     (server/*.ftl), and the one error summary. Markup only: every word comes in the frame.
     HTML output format: a plain string is escaped, markup (the site's attributes, which Asciidoctor
     has already escaped, handed in with ?no_esc) is printed as it is. ADR 0041, ADR 0042.

     frame (a record or hash; see PageFrame on the server, page.ftl on the site):
       language     BCP 47 tag of the page (en, cy)
       title        the <title>: the page's title and the site's name
       siteName     the header's name; homeHref where it links
       stylesheet   the theme's CSS
       indexed      true on the site (hreflang alternates); false on the server (noindex)
       languages    the language toggle, English first: tag, name, href, current
       skipLink, toggleLabel   the skip link's and the toggle's words
       footer       the footer's lines
-->

<#-- The page: head, skip link, header, the container with main, footer. The nested content is
     called once per slot, with the slot's name as its loop variable:
       "header"  in the header after the toggle (the staff navigation)
       "before"  in the container before main (the site's breadcrumbs)
       "main"    inside main
     <@layout.page frame=frame; slot><#if slot == "main">…</#if></@layout.page> -->
<#macro page frame>
<!DOCTYPE html>
<html lang="${frame.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<#if !frame.indexed>
<meta name="robots" content="noindex">
</#if>
<title>${frame.title}</title>
<link rel="stylesheet" href="${frame.stylesheet}">
<#if frame.indexed>
<#list frame.languages as l>
<link rel="alternate" hreflang="${l.tag}" href="${l.href}">
</#list>
</#if>
</head>
<body>
<a class="skip-link" href="#main-content">${frame.skipLink}</a>
<header class="site-header">
  <div class="container site-header__inner">
    <a class="site-header__name" href="${frame.homeHref}">${frame.siteName}</a>
<@languageToggle frame/>
<#nested "header">
  </div>
</header>
<div class="container">
<#nested "before">
  <main id="main-content" class="main">
<#nested "main">
  </main>
</div>
<footer class="site-footer">
  <div class="container">
<#list frame.footer as line>
    <p>${line}</p>
</#list>
  </div>
</footer>
</body>
</html>
</#macro>

<#-- The language toggle, in the frame's order (English first); nothing for a one-language page. -->
<#macro languageToggle frame>
<#if frame.languages?size gt 1>
    <nav class="language-toggle" aria-label="${frame.toggleLabel}">
      <ul>
<#list frame.languages as l>
<#if l.current>
        <li><span class="language-toggle__current" aria-current="true" lang="${l.tag}">${l.name}</span></li>
<#else>
        <li><a href="${l.href}" hreflang="${l.tag}" lang="${l.tag}" rel="alternate">${l.name}</a></li>
</#if>
</#list>
      </ul>
    </nav>
</#if>
</#macro>

<#-- The GOV.UK error summary: focused on load, each problem a link to its input (href) or, with
     no input to go to (href empty), plain text. errors: each has message and href. -->
<#macro errorSummary title errors>
<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 class="error-summary__title" id="error-summary-title">${title}</h2>
<ul class="error-summary__list">
<#list errors as error>
<#if error.href?has_content>
<li><a href="${error.href}">${error.message}</a></li>
<#else>
<li>${error.message}</li>
</#if>
</#list>
</ul>
</div>
</#macro>
