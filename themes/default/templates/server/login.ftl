<#ftl output_format="HTML" strip_whitespace=true>
<#-- A sign-in step: the e-mail address and password, or the second factor's code.
     page: title, action, summary (or null), csrfField, csrfToken, fields (name, type, autocomplete,
     label, value, hint, code), submit. -->
<#import "../layout.ftl" as layout>
<#import "frames.ftl" as frames>
<@frames.public frame=frame>
<h1>${page.title}</h1>
<form method="post" action="${page.action}" novalidate accept-charset="UTF-8">
<div class="error-summary-region">
<#if page.summary??><@layout.errorSummary title=page.summary.title errors=page.summary.errors/></#if>
</div>
<input type="hidden" name="${page.csrfField}" value="${page.csrfToken}">
<#list page.fields as field>
<div class="form-group" data-field="${field.name}">
<label class="label" for="login--${field.name}">${field.label}</label>
<#if field.hint??>
<div class="hint" id="login--${field.name}-hint">${field.hint}</div>
</#if>
<input class="input" id="login--${field.name}" name="${field.name}" type="${field.type}" autocomplete="${field.autocomplete}"<#if field.hint??> aria-describedby="login--${field.name}-hint"</#if><#if field.value?has_content> value="${field.value}"</#if><#if field.code> inputmode="text" spellcheck="false" autocapitalize="none"</#if>>
</div>
</#list>
<button class="button" type="submit">${page.submit}</button>
</form>
</@frames.public>
