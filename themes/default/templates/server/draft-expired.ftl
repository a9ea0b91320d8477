<#ftl output_format="HTML" strip_whitespace=true>
<#-- Answers not sent whose page has expired or never existed (FormDraftPages.Expired): nothing was
     sent, why the answers are gone, and the way back to the form. -->
<#import "frames.ftl" as frames>
<@frames.public frame=frame>
<h1>${page.title}</h1>
<#list page.paragraphs as paragraph>
<p>${paragraph}</p>
</#list>
<#if page.back??>
<p><a href="${page.back.href}">${page.back.text}</a></p>
</#if>
</@frames.public>
