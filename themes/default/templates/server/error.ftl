<#ftl output_format="HTML" strip_whitespace=true>
<#-- The server's error pages (not found, refused, too large…). page: title, paragraphs, a link (or none), and an incident form's urgent guidance (or none). -->
<#import "frames.ftl" as frames>
<@frames.public frame=frame>
<h1>${page.title}</h1>
<#list page.paragraphs as paragraph>
<p>${paragraph}</p>
</#list>
<#list page.typed as text>
<div class="form-group">
<label class="label" for="typed-${text?index}">${page.typedLabel}</label>
<textarea class="textarea" id="typed-${text?index}" rows="6" readonly>${text}</textarea>
</div>
</#list>
<#if page.link??>
<p><a href="${page.link.href}">${page.link.text}</a></p>
</#if>
<#if page.urgent??><@frames.urgentGuidance guidance=page.urgent/></#if>
</@frames.public>
