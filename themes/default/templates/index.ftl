<#-- Pages that belong to no school (the cluster index, the not-found page): bilingual bodies. -->
<#assign c = content>
<#assign root = c["polisi-root"]>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${c.title}</title>
<#if (c["polisi-description"]!"")?has_content>
<meta name="description" content="${c["polisi-description"]?replace('"', '&quot;')}">
</#if>
<link rel="stylesheet" href="/assets/polisi.css">
<link rel="icon" href="/favicon.ico" sizes="32x32">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main-content">${c["t-skip-link"]}</a>
<header class="site-header">
  <div class="container site-header__inner">
    <a class="site-header__name" href="/index.html">${c["t-site-index-title"]}</a>
  </div>
</header>
<div class="container">
  <main id="main-content" class="main">
    <h1>${c.title}</h1>
    <div class="body">
${c.body}
    </div>
  </main>
</div>
<footer class="site-footer">
  <div class="container">
    <p>${c["t-footer-published"]}</p>
  </div>
</footer>
</body>
</html>
