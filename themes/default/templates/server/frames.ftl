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

<#-- Text a person typed: each line in its own <bdi>, lines kept as <br> (ADR 0022), bidirectional
     formatting characters shown as [U+202E] (bidiVisible, ADR 0061). On one line:
     a space or new line added here would change what the page shows of the answer. -->
<#macro typed text><#list (text!"")?split("\n") as line><#if line?index gt 0><br></#if><bdi>${bidiVisible(line)}</bdi></#list></#macro>

<#-- A GOV.UK summary-list row: a term and its value. row: term, value (typed text), link (href,
     text, lang; or null) and after (plain text after the link, or null). -->
<#macro summaryRow row>
<div class="summary-list__row"><dt class="summary-list__key">${row.term}</dt><dd class="summary-list__value"><#if row.link??><a href="${row.link.href}"<#if row.link.lang?has_content> hreflang="${row.link.lang}" lang="${row.link.lang}"</#if>>${row.link.text}</a>${row.after!""}<#else><@typed row.value/></#if></dd></div>
</#macro>

<#-- A staff table (Table): headings, then rows of cells; a cell's text, then its links. A table of
     three or more columns is read row by row on a phone (ADR 0044): each cell carries its column's
     heading as data-label and an empty cell is marked cell--empty, as the site's tables are. -->
<#macro table table>
<#assign stack = table.headings?size gte 3>
<table class="table<#if stack> table--stack</#if>">
<thead><tr><#list table.headings as heading><th scope="col">${heading}</th></#list></tr></thead>
<tbody>
<#list table.rows as row>
<tr<#if row.className?has_content> class="${row.className}"</#if>><#list row.cells as cell><#assign empty = !cell.text?has_content && !cell.links?has_content && !cell.details?has_content && !cell.forms?has_content><#assign classes = cell.className + (stack && empty)?then(cell.className?has_content?then(" ", "") + "cell--empty", "")><td<#if classes?has_content> class="${classes}"</#if><#if stack && table.headings[cell?index]??> data-label="${table.headings[cell?index]}"</#if>><#if cell.typed><@typed cell.text/><#else>${cell.text}</#if><#list cell.links as link><a href="${link.href}"<#if link.lang?has_content> hreflang="${link.lang}"</#if>>${link.text}</a><#if cell.links?size gt 1> </#if></#list><#list cell.forms as form><@post form/></#list><#if cell.details?has_content><dl class="summary-list"><#list cell.details as detail><@summaryRow detail/></#list></dl></#if></td></#list></tr>
</#list>
</tbody>
</table>
</#macro>

<#-- A one-button POST form (Post): the action, the anti-forgery token, hidden fields, the button. -->
<#macro post form>
<form method="post" action="${form.action}"><input type="hidden" name="${form.csrfField}" value="${form.csrfToken}"><#list form.hidden as field><input type="hidden" name="${field.name}" value="${field.value}"></#list><button class="${form.buttonClass}" type="submit">${form.button}</button></form>
</#macro>

<#-- A list item: a link (Item.link; its class, or none), then plain text. -->
<#macro item item>
<li><a href="${item.link.href}"<#if item.linkClass?has_content> class="${item.linkClass}"</#if>>${item.link.text}</a>${item.after}</li>
</#macro>

<#-- A notice (Notice): its words, its classes and its role (status or alert; or none). -->
<#macro notice notice>
<p<#if notice.className?has_content> class="${notice.className}"</#if><#if notice.role?has_content> role="${notice.role}"</#if>>${notice.text}</p>
</#macro>

<#-- A post to an incident form refused: what to do now, the same steps as an urgent report's confirmation (UrgentGuidance.Guidance). -->
<#macro urgentGuidance guidance>
<div class="urgent-instructions" role="alert">
<h2>${guidance.title}</h2>
<p>${guidance.intro}</p>
<#if guidance.steps?has_content>
<ol class="urgent-steps">
<#list guidance.steps as step>
<li>${step}</li>
</#list>
</ol>
</#if>
<#if guidance.procedure??>
<p class="urgent-procedure"><a href="${guidance.procedure.href}">${guidance.procedure.text}</a></p>
</#if>
</div>
</#macro>
