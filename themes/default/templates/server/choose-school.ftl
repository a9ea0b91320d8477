<#ftl output_format="HTML" strip_whitespace=true>
<#-- "Which school?" (SchoolChoice): a person with several memberships chooses one, at sign-in
     (public frame) or to switch school (staff frame). GOV.UK radios: the question is the legend and
     the page heading; each school's role is its hint; an error is linked from the summary. -->
<#import "../layout.ftl" as layout>
<#import "frames.ftl" as frames>
<#macro choice>
<form method="post" action="${page.action}" novalidate accept-charset="UTF-8">
<div class="error-summary-region">
<#if page.summary??><@layout.errorSummary title=page.summary.title errors=page.summary.errors/></#if>
</div>
<input type="hidden" name="${page.csrfField}" value="${page.csrfToken}">
<div class="form-group<#if page.error??> form-group--error</#if>">
<fieldset class="fieldset" aria-describedby="school--hint<#if page.error??> school--error</#if>">
<#if page.staff><legend class="legend">${page.title}</legend><#else><legend class="legend"><h1>${page.title}</h1></legend></#if>
<div class="hint" id="school--hint">${page.hint}</div>
<#if page.error??><p class="error-message" id="school--error"><span class="visually-hidden">${page.hiddenPrefix}</span> ${page.error}</p></#if>
<div class="radios">
<#list page.options as option>
<div class="radios__item"><input class="radios__input" type="radio" name="school" value="${option.value?c}" id="school--${option.value?c}" aria-describedby="school--${option.value?c}-hint"<#if option.checked> checked</#if>><label class="label radios__label" for="school--${option.value?c}">${option.label}</label><div class="hint radios__hint" id="school--${option.value?c}-hint">${option.hint}</div></div>
</#list>
</div>
</fieldset>
</div>
<button class="button" type="submit">${page.submit}</button>
</form>
</#macro>
<#if page.staff>
<@frames.staff frame=frame staff=staff><@choice/></@frames.staff>
<#else>
<@frames.public frame=frame><@choice/></@frames.public>
</#if>
