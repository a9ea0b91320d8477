<#ftl output_format="HTML" strip_whitespace=true>
<#-- The server's error pages (not found, refused, too large…). page: title, paragraphs, and a link (or none). -->
<#import "frames.ftl" as frames>
<@frames.public frame=frame>
<h1>${page.title}</h1>
<#list page.paragraphs as paragraph>
<p>${paragraph}</p>
</#list>
<#if page.link??>
<p><a href="${page.link.href}">${page.link.text}</a></p>
</#if>
</@frames.public>
