<#ftl output_format="HTML" auto_esc=false>
<#-- Pages that belong to no school (the cluster index, the not-found page): bilingual bodies, in
     the frame every page shares (layout.ftl), with no language toggle. Attributes come escaped by
     Asciidoctor: printed as they are, handed to the frame as markup (?no_esc). -->
<#import "layout.ftl" as layout>
<#assign c = content>
<#assign frame = {"language": "en", "title": c.title?no_esc, "siteName": c["t-site-index-title"]?no_esc,
    "homeHref": "/index.html", "stylesheet": "/assets/polisi.css", "indexed": true, "languages": [],
    "skipLink": c["t-skip-link"]?no_esc, "toggleLabel": "", "footer": [c["t-footer-published"]?no_esc]}>
<@layout.page frame=frame; slot>
<#if slot == "main">
    <h1>${c.title}</h1>
    <div class="body">
${c.body}
    </div>
</#if>
</@layout.page>
