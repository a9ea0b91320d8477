<#ftl output_format="HTML" auto_esc=false>
<#-- A school page: policy, appendix or school index, in the frame every page shares (layout.ftl).
     Markup only: every word comes from the message bundles (t-* attributes) or from attributes
     composed by PageComposer. Asciidoctor has escaped every attribute already, so this template
     prints them as they are (auto_esc=false) and hands them to the frame as markup (?no_esc). -->
<#import "layout.ftl" as layout>
<#assign c = content>
<#assign lang = c["polisi-lang"]>
<#assign root = c["polisi-root"]>
<#assign langs = c["polisi-languages"]?split(",")>
<#assign toggle = []>
<#list langs as l>
<#assign toggle += [{"tag": l, "name": c["polisi-name-" + l]?no_esc, "href": c["polisi-alt-" + l]?no_esc, "current": l == lang}]>
</#list>
<#assign footer = []>
<#if (c["polisi-footer-contact"]!"")?has_content>
<#assign footer += [c["polisi-footer-contact"]?no_esc]>
</#if>
<#assign footer += [c["t-footer-published"]?no_esc]>
<#assign frame = {"language": lang, "title": (c.title + " – " + c["polisi-school-name"])?no_esc,
    "siteName": c["polisi-school-name"]?no_esc, "homeHref": "index.html", "stylesheet": root + "assets/polisi.css",
    "indexed": true, "languages": toggle, "skipLink": c["t-skip-link"]?no_esc,
    "toggleLabel": c["t-language-toggle-label"]?no_esc, "footer": footer}>
<@layout.page frame=frame; slot>
<#if slot == "before">
  <nav class="breadcrumbs" aria-label="${c["t-breadcrumbs-label"]}">
    <ol>
<#list 1..c["polisi-crumbs"]?number as i>
      <li><a href="${c["polisi-crumb-" + i + "-href"]}">${c["polisi-crumb-" + i + "-title"]}</a></li>
</#list>
      <li><span aria-current="page">${c.title}</span></li>
    </ol>
  </nav>
<#elseif slot == "main">
<#if (c["polisi-draft"]!"")?has_content>
    <div class="notice notice--draft" role="note">
      <p lang="${lang}"><strong>${c["polisi-draft-title-" + lang]}</strong> ${c["polisi-draft-body-" + lang]}</p>
<#if lang != "en">
      <p lang="en"><strong>${c["polisi-draft-title-en"]}</strong> ${c["polisi-draft-body-en"]}</p>
</#if>
    </div>
</#if>
<#if (c["polisi-untranslated"]!"0")?number gt 0>
    <div class="notice notice--untranslated" role="note">
<#list 1..c["polisi-untranslated"]?number as i>
      <p lang="${c["polisi-untranslated-" + i + "-lang"]}">${c["polisi-untranslated-" + i + "-text"]}</p>
</#list>
    </div>
</#if>
<#if (c["polisi-caption"]!"")?has_content>
    <span class="caption">${c["polisi-caption"]}</span>
</#if>
    <h1>${c.title}</h1>
<#if (c["polisi-details"]!"")?has_content>
    <section class="policy-details" aria-labelledby="policy-details-title">
      <h2 id="policy-details-title" class="visually-hidden">${c["t-policy-details"]}</h2>
<#if c["polisi-overdue-text"]?has_content>
      <p class="notice notice--warning"><strong>${c["polisi-overdue-text"]}</strong></p>
</#if>
      <ul class="policy-details__list">
<#list ["polisi-version-text", "polisi-updated-text", "polisi-approval-text", "polisi-review-text"] as detail>
<#if c[detail]?has_content>
        <li>${c[detail]}</li>
</#if>
</#list>
      </ul>
    </section>
</#if>
<#if (c["polisi-contents"]!"0")?number gt 0>
    <nav class="contents" aria-labelledby="contents-title">
      <h2 id="contents-title" class="contents__title">${c["t-contents-title"]}</h2>
      <ol>
<#list 1..c["polisi-contents"]?number as i>
        <li><a href="#${c["polisi-contents-" + i + "-id"]}">${c["polisi-contents-" + i + "-title"]}</a></li>
</#list>
      </ol>
    </nav>
</#if>
    <div class="body">
${c.body}
    </div>
<#if (c["polisi-appendices"]!"0")?number gt 0>
    <nav class="appendices" aria-labelledby="appendices-title">
      <h2 id="appendices-title">${c["t-page-appendices-title"]}</h2>
      <ul>
<#list 1..c["polisi-appendices"]?number as i>
        <li><a href="${c["polisi-appendix-" + i + "-href"]}">${c["polisi-appendix-" + i + "-title"]}</a></li>
</#list>
      </ul>
    </nav>
</#if>
<#if (c["polisi-back-href"]!"")?has_content>
    <p class="back-link"><a href="${c["polisi-back-href"]}">${c["polisi-back-text"]}</a></p>
</#if>
</#if>
</@layout.page>
