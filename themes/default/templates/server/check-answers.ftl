<#ftl output_format="HTML" strip_whitespace=true>
<#-- "Check your answers before sending" (FormDraftPages.View; GOV.UK check answers pattern): each
     answer with a "Change" link to its question, then the declaration and the button that sends. -->
<#import "frames.ftl" as frames>
<@frames.public frame=frame>
<p class="caption">${page.formTitle}</p>
<h1>${page.title}</h1>
<dl class="summary-list summary-list--check">
<#list page.rows as row>
<div class="summary-list__row"><dt class="summary-list__key">${row.question}</dt><dd class="summary-list__value"><@frames.typed row.answer/></dd><dd class="summary-list__actions"><a href="${row.href}">${page.change}<span class="visually-hidden"> ${row.name}</span></a></dd></div>
</#list>
</dl>
<h2>${page.sendTitle}</h2>
<#list page.declaration as paragraph>
<p>${paragraph}</p>
</#list>
<form method="post" action="${page.action}" novalidate accept-charset="UTF-8">
<input type="hidden" name="lang" value="${page.language}">
<button class="button" type="submit">${page.send}</button>
</form>
</@frames.public>
