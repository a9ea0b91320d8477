<#ftl output_format="HTML" strip_whitespace=true>
<#-- /staff/signatures (SignaturesPage.View): who signed each agreement, and who must sign again. -->
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<p>${page.explanation}</p>
<#if page.none??>
<p>${page.none}</p>
</#if>
<#list page.groups as group>
<h2>${group.heading}</h2>
<#list group.agreements as agreement>
<section class="signatures" aria-labelledby="signatures--${agreement.id}">
<h3 id="signatures--${agreement.id}">${agreement.title}</h3>
<#if agreement.none??>
<p>${agreement.none}</p>
<#else>
<p>${agreement.counts}</p>
<@frames.table agreement.table/>
<p><a href="${agreement.export.href}">${agreement.export.text}</a></p>
</#if>
</section>
</#list>
</#list>
</@frames.staff>
