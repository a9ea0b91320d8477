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
