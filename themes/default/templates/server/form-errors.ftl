<#ftl output_format="HTML" strip_whitespace=true>
<#-- What was wrong with a form whose baked page is missing (SubmissionHandler.FormErrors). -->
<#import "../layout.ftl" as layout>
<#import "frames.ftl" as frames>
<@frames.public frame=frame>
<#if page.urgent??><@frames.urgentGuidance guidance=page.urgent/></#if>
<h1>${page.title}</h1>
<@layout.errorSummary title=page.summary.title errors=page.summary.errors/>
<#if page.back??>
<p><a href="${page.back.href}">${page.back.text}</a></p>
</#if>
</@frames.public>
