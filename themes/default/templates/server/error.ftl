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
<#if page.urgent??>
<#-- a post to an incident form refused: what to do now, the same steps as an urgent report's confirmation -->
<div class="urgent-instructions" role="alert">
<h2>${page.urgent.title}</h2>
<p>${page.urgent.intro}</p>
<#if page.urgent.steps?has_content>
<ol class="urgent-steps">
<#list page.urgent.steps as step>
<li>${step}</li>
</#list>
</ol>
</#if>
<#if page.urgent.procedure??>
<p class="urgent-procedure"><a href="${page.urgent.procedure.href}">${page.urgent.procedure.text}</a></p>
</#if>
</div>
</#if>
</@frames.public>
