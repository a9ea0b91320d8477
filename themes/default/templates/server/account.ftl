<#ftl output_format="HTML" strip_whitespace=true>
<#-- /staff/account (AccountPage.View): the second factor, set up without JavaScript. -->
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<#if page.recovery??>
<#assign recovery = page.recovery>
<h2>${recovery.done}</h2>
<p>${recovery.explanation}</p>
<ul class="recovery-codes">
<#list recovery.codes as code>
<li><code>${code}</code></li>
</#list>
</ul>
<p><a href="${recovery.next.href}">${recovery.next.text}</a></p>
<#else>
<h2>${page.heading}</h2>
<#if page.enrolled??>
<p>${page.enrolled}</p>
<#else>
<#assign step = page.enrolment>
<p>${step.need}</p>
<ol class="steps">
<li><p>${step.stepScan}</p><img src="${step.qrCode}" alt="${step.qrAlt}" width="240" height="240"><p>${step.stepKey}</p><p><code id="second-factor-key">${step.key}</code></p></li>
<li><form method="post" action="${step.action}" novalidate accept-charset="UTF-8">
<input type="hidden" name="${step.csrfField}" value="${step.csrfToken}">
<div class="form-group<#if step.error??> form-group--error</#if>" data-field="code">
<label class="label" for="account--code">${step.stepCode}</label>
<#if step.error??>
<p class="error-message" id="account--code-error">${step.error}</p>
</#if>
<input class="input" id="account--code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"<#if step.error??> aria-describedby="account--code-error" aria-invalid="true"</#if>>
</div>
<button class="button" type="submit">${step.confirm}</button>
</form></li>
</ol>
</#if>
</#if>
</@frames.staff>
