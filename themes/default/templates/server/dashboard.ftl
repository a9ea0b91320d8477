<#ftl output_format="HTML" strip_whitespace=true>
<#-- /staff/ (DashboardPage.View): what is urgent, what is new, counts per form, incident reports by
     status, withdrawals waiting for a match and who has not returned each form. A section that is
     null is left out. -->
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<#if page.delivery??><@frames.notice page.delivery/></#if>
<#if page.noForms??>
<p>${page.noForms}</p>
<#else>
<p class="dashboard-new">${page.newSince}</p>
<#assign urgent = page.urgent>
<h2 id="urgent">${urgent.title}</h2>
<#if urgent.nothing??>
<p>${urgent.nothing}</p>
<#else>
<ul class="urgent-list">
<#list urgent.items as item><@frames.item item/></#list>
</ul>
<p><a href="${urgent.all.href}">${urgent.all.text}</a></p>
</#if>
<h2 id="forms">${page.forms.title}</h2>
<@frames.table page.forms.table/>
<#if page.incidents??>
<h2 id="incidents">${page.incidents.title}</h2>
<@frames.table page.incidents.table/>
</#if>
<#if page.withdrawals??>
<h2>${page.withdrawals.title}</h2>
<p>${page.withdrawals.explanation}</p>
<ul class="withdrawal-requests">
<#list page.withdrawals.items as item><@frames.item item/></#list>
</ul>
</#if>
<#if page.notReturned??>
<#assign missing = page.notReturned>
<h2 id="not-returned">${missing.title}</h2>
<#if missing.noRoster??>
<p>${missing.noRoster} <a href="${missing.roster.href}">${missing.roster.text}</a></p>
</#if>
<#list missing.forms as form>
<details class="not-returned">
<summary>${form.summary}</summary>
<ul>
<#list form.pupils as pupil><li><@frames.typed pupil/></li></#list>
</ul>
</details>
</#list>
</#if>
</#if>
</@frames.staff>
