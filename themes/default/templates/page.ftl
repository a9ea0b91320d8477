<#-- A school page: policy, appendix or school index. Markup only: every word comes from the
     message bundles (t-* attributes) or from attributes composed by PageComposer. -->
<#assign c = content>
<#assign lang = c["polisi-lang"]>
<#assign root = c["polisi-root"]>
<#assign langs = c["polisi-languages"]?split(",")>
<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<#-- A school's home page is titled by the school's name once, not "X – X". -->
<title><#if c.title == c["polisi-school-name"]>${c.title}<#else>${c.title} – ${c["polisi-school-name"]}</#if></title>
<#if (c["polisi-description"]!"")?has_content>
<meta name="description" content="${c["polisi-description"]?replace('"', '&quot;')}">
</#if>
<link rel="stylesheet" href="${root}assets/polisi.css">
<link rel="icon" href="${root}favicon.ico" sizes="32x32">
<link rel="icon" href="${root}assets/favicon.svg" type="image/svg+xml">
<#if (c["polisi-canonical"]!"")?has_content>
<link rel="canonical" href="${c["polisi-canonical"]}">
</#if>
<#list langs as l>
<link rel="alternate" hreflang="${l}" href="${c["polisi-alt-" + l]}">
</#list>
<script src="${root}assets/polisi.js" defer></script>
</head>
<body>
<a class="skip-link" href="#main-content">${c["t-skip-link"]}</a>
<header class="site-header">
  <div class="container site-header__inner">
    <a class="site-header__name" href="index.html">${c["polisi-school-name"]}</a>
<#if langs?size gt 1>
    <nav class="language-toggle" aria-label="${c["t-language-toggle-label"]}">
      <ul>
<#list langs as l>
<#if l == lang>
        <li><span class="language-toggle__current" aria-current="true" lang="${l}">${c["polisi-name-" + l]}</span></li>
<#else>
        <li><a href="${c["polisi-toggle-" + l]}" hreflang="${l}" lang="${l}" rel="alternate">${c["polisi-name-" + l]}</a></li>
</#if>
</#list>
      </ul>
    </nav>
</#if>
  </div>
</header>
<div class="container">
  <nav class="breadcrumbs" aria-label="${c["t-breadcrumbs-label"]}">
    <ol>
<#list 1..c["polisi-crumbs"]?number as i>
      <li><a href="${c["polisi-crumb-" + i + "-href"]}">${c["polisi-crumb-" + i + "-title"]}</a></li>
</#list>
      <li><span aria-current="page">${c.title}</span></li>
    </ol>
  </nav>
  <main id="main-content" class="main">
<#if (c["polisi-preview"]!"")?has_content>
    <div class="notice notice--preview" role="note"><p>${c["polisi-preview"]}</p></div>
</#if>
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
  </main>
</div>
<footer class="site-footer">
  <div class="container">
<#if (c["polisi-footer-contact"]!"")?has_content>
    <p>${c["polisi-footer-contact"]}</p>
</#if>
    <p>${c["t-footer-published"]}</p>
  </div>
</footer>
</body>
</html>
