<#ftl output_format="HTML" strip_whitespace=true>
<#-- The server's root when the build made no index (SiteHandler.View): the schools it serves. -->
<#import "frames.ftl" as frames>
<@frames.public frame=frame>
<h1>${page.title}</h1>
<ul>
<#list page.schools as school>
<li>${school.name}: <#list school.sites as site><a href="${site.href}" hreflang="${site.lang}" lang="${site.lang}">${site.text}</a> </#list></li>
</#list>
</ul>
</@frames.public>
