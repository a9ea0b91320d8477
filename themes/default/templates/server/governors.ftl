<#ftl output_format="HTML" strip_whitespace=true>
<#-- /staff/governors (GovernorsPage.View): incident counts by month, category and status, and how
     many staff are on each staff agreement's current version. Counts only. -->
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<p>${page.explanation}</p>
<#if page.none??>
<p>${page.none}</p>
<#else>
<@frames.table page.byCategory/>
<h2>${page.statusTitle}</h2>
<@frames.table page.byStatus/>
</#if>
<h2>${page.agreementsTitle}</h2>
<#if page.agreementsNone??>
<p>${page.agreementsNone}</p>
</#if>
<#list page.agreements as agreement>
<p class="staff-agreement-currency">${agreement}</p>
</#list>
</@frames.staff>
