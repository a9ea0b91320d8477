<#ftl output_format="HTML" auto_esc=false>
<#-- A school page: policy, appendix or school index, in the frame every page shares (layout.ftl).
     Markup only: every word comes from the message bundles (t-* attributes), from attributes
     composed by PageComposer, or from the page's chrome (c.chrome, the record PageChrome: crumbs,
     notices, caption, details, contents, appendices, back; ADR 0064). Asciidoctor has escaped every
     attribute already and the composer every chrome string, so this template prints them as they
     are (auto_esc=false) and hands them to the frame as markup (?no_esc). -->
<#import "layout.ftl" as layout>
<#assign c = content>
<#assign chrome = c.chrome>
<#assign lang = c["polisi-lang"]>
<#assign root = c["polisi-root"]>
<#assign langs = c["polisi-languages"]?split(",")>
<#assign toggle = []>
<#assign alternates = []>
<#list langs as l>
<#-- The toggle stays on this server (polisi-toggle-*, relative); hreflang alternates are absolute
     under the school's base-url (polisi-alt-*). -->
<#assign toggle += [{"tag": l, "name": c["polisi-name-" + l]?no_esc, "href": (c["polisi-toggle-" + l]!c["polisi-alt-" + l])?no_esc, "current": l == lang}]>
<#assign alternates += [{"tag": l, "href": c["polisi-alt-" + l]?no_esc}]>
</#list>
<#assign footer = []>
<#if (c["polisi-footer-contact"]!"")?has_content>
<#assign footer += [c["polisi-footer-contact"]?no_esc]>
</#if>
<#assign footer += [c["t-footer-published"]?no_esc]>
<#-- A school's home page is titled by the school's name once, not "X – X". -->
<#assign frame = {"language": lang,
    "title": (c.title == c["polisi-school-name"])?then(c.title, c.title + " – " + c["polisi-school-name"])?no_esc,
    "description": (c["polisi-description"]!"")?replace('"', '&quot;')?no_esc, "iconRoot": root,
    "canonical": (c["polisi-canonical"]!"")?no_esc, "alternates": alternates, "script": root + "assets/polisi.js",
    "siteName": c["polisi-school-name"]?no_esc, "homeHref": "index.html", "stylesheet": root + "assets/polisi.css",
    "indexed": true, "languages": toggle, "skipLink": c["t-skip-link"]?no_esc,
    "toggleLabel": c["t-language-toggle-label"]?no_esc, "footer": footer}>
<@layout.page frame=frame; slot>
<#if slot == "before">
  <nav class="breadcrumbs" aria-label="${c["t-breadcrumbs-label"]}">
    <ol>
<#list chrome.crumbs as crumb>
      <li><a href="${crumb.href}">${crumb.title}</a></li>
</#list>
      <li><span aria-current="page">${c.title}</span></li>
    </ol>
  </nav>
<#elseif slot == "main">
<#list chrome.notices as notice>
    <div class="notice notice--${notice.kind}" role="note">
<#list notice.paragraphs as p>
      <p<#if p.lang?has_content> lang="${p.lang}"</#if>><#if p.lead?has_content><strong>${p.lead}</strong> </#if>${p.text}</p>
</#list>
    </div>
</#list>
<#if chrome.caption?has_content>
    <span class="caption">${chrome.caption}</span>
</#if>
    <h1>${c.title}</h1>
<#if chrome.details??>
    <section class="policy-details" aria-labelledby="policy-details-title">
      <h2 id="policy-details-title" class="visually-hidden">${c["t-policy-details"]}</h2>
<#if chrome.details.overdue?has_content>
      <p class="notice notice--warning"><strong>${chrome.details.overdue}</strong></p>
</#if>
      <ul class="policy-details__list">
<#list chrome.details.lines as line>
        <li>${line}</li>
</#list>
      </ul>
    </section>
</#if>
<#if chrome.contents?has_content>
    <nav class="contents" aria-labelledby="contents-title">
      <h2 id="contents-title" class="contents__title">${c["t-contents-title"]}</h2>
      <ol>
<#list chrome.contents as section>
        <li><a href="${section.href}">${section.title}</a></li>
</#list>
      </ol>
    </nav>
</#if>
    <div class="body">
${c.body}
    </div>
<#if chrome.appendices?has_content>
    <nav class="appendices" aria-labelledby="appendices-title">
      <h2 id="appendices-title">${c["t-page-appendices-title"]}</h2>
      <ul>
<#list chrome.appendices as appendix>
        <li><a href="${appendix.href}">${appendix.title}</a></li>
</#list>
      </ul>
    </nav>
</#if>
<#if chrome.back??>
    <p class="back-link"><a href="${chrome.back.href}">${chrome.back.title}</a></p>
</#if>
</#if>
</@layout.page>
