<#ftl output_format="HTML" strip_whitespace=true>
<#-- The server's pages in the shared frame (../layout.ftl): a public page, and a staff page with
     the staff navigation, its title and who is signed in. Markup only: words come in the views. -->
<#import "../layout.ftl" as layout>

<#-- A public page (errors, receipt, login): the frame, and the nested content in main. -->
<#macro public frame>
<@layout.page frame=frame; slot>
<#if slot == "main"><#nested></#if>
</@layout.page>
</#macro>

<#-- A staff page. staff: navLabel, links (href, text), logoutAction, logout, csrfField, csrfToken,
     title, signedInAs. -->
<#macro staff frame staff>
<@layout.page frame=frame; slot>
<#if slot == "header">
    <nav class="staff-nav" aria-label="${staff.navLabel}">
      <ul>
<#list staff.links as link>
        <li><a href="${link.href}">${link.text}</a></li>
</#list>
      </ul>
      <form method="post" action="/staff/logout"><input type="hidden" name="${staff.csrfField}" value="${staff.csrfToken}"><button class="button button--secondary" type="submit">${staff.logout}</button></form>
    </nav>
<#elseif slot == "main">
<h1>${staff.title}</h1>
<p class="signed-in-as">${staff.signedInAs}</p>
<#nested>
</#if>
</@layout.page>
</#macro>

<#-- Text a person typed: each line in its own <bdi>, lines kept as <br> (ADR 0022). On one line:
     a space or new line added here would change what the page shows of the answer. -->
<#macro typed text><#list (text!"")?split("\n") as line><#if line?index gt 0><br></#if><bdi>${line}</bdi></#list></#macro>

<#-- A GOV.UK summary-list row: a term and its value. row: term, value (typed text), link (href,
     text, lang; or null) and after (plain text after the link, or null). -->
<#macro summaryRow row>
<div class="summary-list__row"><dt class="summary-list__key">${row.term}</dt><dd class="summary-list__value"><#if row.link??><a href="${row.link.href}"<#if row.link.lang?has_content> hreflang="${row.link.lang}" lang="${row.link.lang}"</#if>>${row.link.text}</a>${row.after!""}<#else><@typed row.value/></#if></dd></div>
</#macro>

<#-- A staff table (Table): headings, then rows of cells; a cell's text, then its links. -->
<#macro table table>
<table class="table">
<thead><tr><#list table.headings as heading><th scope="col">${heading}</th></#list></tr></thead>
<tbody>
<#list table.rows as row>
<tr<#if row.className?has_content> class="${row.className}"</#if>><#list row.cells as cell><td<#if cell.className?has_content> class="${cell.className}"</#if>><#if cell.typed><@typed cell.text/><#else>${cell.text}</#if><#list cell.links as link><a href="${link.href}"<#if link.lang?has_content> hreflang="${link.lang}"</#if>>${link.text}</a><#if cell.links?size gt 1> </#if></#list><#if cell.details?has_content><dl class="summary-list"><#list cell.details as detail><@summaryRow detail/></#list></dl></#if></td></#list></tr>
</#list>
</tbody>
</table>
</#macro>
