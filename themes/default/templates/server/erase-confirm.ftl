<#ftl output_format="HTML" strip_whitespace=true>
<#-- Erasing a submission (ErasurePages.Confirm): what is erased, why (required) and "I understand"
     (required), as a plain form that works without JavaScript. page: lead, action, summary (or null), csrfField, csrfToken, reason (label, hint, value, error
     or null), confirm (label, checked, error or null), button, cancelHref, cancel. -->
<#import "../layout.ftl" as layout>
<#import "frames.ftl" as frames>
<#assign body = page>
<@frames.staff frame=frame staff=staff>
<form method="post" action="${body.action}" novalidate accept-charset="UTF-8">
<#if body.summary??><@layout.errorSummary title=body.summary.title errors=body.summary.errors/></#if>
<p>${body.lead}</p>
<input type="hidden" name="${body.csrfField}" value="${body.csrfToken}">
<div class="form-group<#if body.reason.error??> form-group--error</#if>">
<label class="label" for="erase--reason">${body.reason.label}</label>
<div class="hint" id="erase--reason--hint">${body.reason.hint}</div>
<#if body.reason.error??><p class="error-message" id="erase--reason--error">${body.reason.error}</p></#if>
<textarea class="textarea" id="erase--reason" name="reason" rows="4" required maxlength="${body.maxLength}" aria-describedby="erase--reason--hint<#if body.reason.error??> erase--reason--error</#if>">${body.reason.value}</textarea>
</div>
<div class="form-group<#if body.confirm.error??> form-group--error</#if>">
<#if body.confirm.error??><p class="error-message" id="erase--confirm--error">${body.confirm.error}</p></#if>
<div class="checkboxes"><div class="checkboxes__item">
<input class="checkboxes__input" type="checkbox" id="erase--confirm" name="confirm" value="yes" required<#if body.confirm.checked> checked</#if><#if body.confirm.error??> aria-describedby="erase--confirm--error"</#if>>
<label class="label checkboxes__label" for="erase--confirm">${body.confirm.label}</label>
</div></div>
</div>
<div class="button-group">
<button class="button button--warning" type="submit">${body.button}</button>
<a href="${body.cancelHref}">${body.cancel}</a>
</div>
</form>
</@frames.staff>
