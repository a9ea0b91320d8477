<#ftl output_format="HTML" strip_whitespace=true>
<#-- /staff/consents (ConsentPage.View): the consents in force, by pupil and statement. -->
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<#if page.unverified??>
<p role="alert" class="notice notice--warning">${page.unverified}</p>
</#if>
<p>${page.explanation}</p>
<#if page.none??>
<p>${page.none}</p>
<#else>
<@frames.table page.table/>
</#if>
</@frames.staff>
