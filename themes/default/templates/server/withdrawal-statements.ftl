<#ftl output_format="HTML" strip_whitespace=true>
<#-- A withdrawal's second page (WithdrawalStatementsPage.View): the consent form's statements. -->
<#import "../layout.ftl" as layout>
<#import "frames.ftl" as frames>
<@frames.public frame=frame>
<section class="polisi-form" aria-labelledby="${page.titleId}">
<h1 id="${page.titleId}">${page.title}</h1>
<dl class="summary-list">
<#list page.about as row>
<@frames.summaryRow row/>
</#list>
</dl>
<#if page.request??>
<p>${page.request}</p>
</#if>
<form method="post" novalidate accept-charset="UTF-8" action="${page.action}" data-form-id="${page.formId}">
<#if page.summary??><@layout.errorSummary title=page.summary.title errors=page.summary.errors/></#if>
<#list page.hidden as field>
<input type="hidden" name="${field.name}" value="${field.value}">
</#list>
<div class="form-group<#if page.error??> form-group--error</#if>" data-field="${page.field}">
<fieldset class="fieldset" aria-describedby="${page.hintId}<#if page.error??> ${page.errorId}</#if>">
<legend class="legend">${page.legend}</legend>
<div class="hint" id="${page.hintId}">${page.hint}</div>
<#if page.error??>
<p class="error-message" id="${page.errorId}"><span class="visually-hidden">${page.hiddenPrefix}</span> ${page.error}</p>
</#if>
<div class="checkboxes">
<#list page.checkboxes as box>
<div class="checkboxes__item"><input class="checkboxes__input" id="${box.id}" type="checkbox" name="${page.field}" value="${box.value}"<#if box.checked> checked</#if>><label class="label checkboxes__label" for="${box.id}">${box.label}</label></div>
</#list>
</div>
</fieldset>
</div>
<button class="button" type="submit">${page.submit}</button>
</form>
<#if page.back??>
<p><a href="${page.back.href}">${page.back.text}</a></p>
</#if>
</section>
</@frames.public>
