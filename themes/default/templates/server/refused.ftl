<#ftl output_format="HTML" strip_whitespace=true>
<#-- A staff action that was not recorded (StaffFrame.Refused): the error summary, the text that was
     typed in its form again (exactly as typed, to correct and send), and the way back. -->
<#import "../layout.ftl" as layout>
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<@layout.errorSummary title=page.summary.title errors=page.summary.errors/>
<#if page.retry??>
<#assign retry = page.retry>
<form method="post" action="${retry.action}" novalidate accept-charset="UTF-8">
<input type="hidden" name="${retry.csrfField}" value="${retry.csrfToken}">
<#list retry.hidden as hidden><input type="hidden" name="${hidden.name}" value="${hidden.value}"></#list>
<div class="form-group form-group--error">
<label class="label" for="retry-text">${retry.label}</label>
<p class="error-message" id="retry-text-error"><span class="visually-hidden">${page.hiddenPrefix}</span> ${page.message}</p>
<textarea class="textarea textarea--error" id="retry-text" name="${retry.name}" rows="6" aria-describedby="retry-text-error">${retry.value}</textarea>
</div>
<button class="button" type="submit">${retry.button}</button>
</form>
<#else>
<p class="error-message">${page.message}</p>
</#if>
<p><a href="${page.back.href}">${page.back.text}</a></p>
</@frames.staff>
