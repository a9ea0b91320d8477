<#ftl output_format="HTML" strip_whitespace=true>
<#-- The confirmation page and receipt (ConfirmationHandler.View): the reference, what to do now
     for an urgent report, what happens next, and the printable receipt of the answers. -->
<#import "../layout.ftl" as layout>
<#import "frames.ftl" as frames>
<@frames.public frame=frame>
<div class="confirmation-panel">
<h1>${page.title}</h1>
<p>${page.referenceLabel} <strong class="reference">${page.reference}</strong></p>
</div>
<#if page.urgent??>
<#assign urgent = page.urgent>
<div class="urgent-instructions" role="alert">
<h2>${urgent.title}</h2>
<p>${urgent.intro}</p>
<p class="alert-status" data-alert-status="${urgent.status}">${urgent.truth}</p>
<#if urgent.steps?has_content>
<ol class="urgent-steps">
<#list urgent.steps as step>
<li>${step}</li>
</#list>
</ol>
</#if>
<#if urgent.procedure??>
<p class="urgent-procedure"><a href="${urgent.procedure.href}">${urgent.procedure.text}</a></p>
</#if>
</div>
</#if>
<#if page.nextTitle?has_content>
<h2>${page.nextTitle}</h2>
</#if>
<#list page.next as paragraph>
<p>${paragraph}</p>
</#list>
<#if page.receipt??>
<#assign receipt = page.receipt>
<section class="receipt" aria-labelledby="receipt-title">
<h2 id="receipt-title">${receipt.title}</h2>
<dl class="summary-list">
<#list receipt.rows as row>
<@frames.summaryRow row/>
</#list>
</dl>
<#if receipt.withdrawal??>
<p class="${receipt.withdrawal.state}">${receipt.withdrawal.text}</p>
</#if>
<#if receipt.retention?has_content>
<p>${receipt.retention}</p>
</#if>
<p class="print-hint">${receipt.printHint}</p>
</section>
<#if receipt.back??>
<p><a href="${receipt.back.href}">${receipt.back.text}</a></p>
</#if>
</#if>
<#if page.changeNote??>
<p class="change-note">${page.changeNote}</p>
</#if>
<#if page.withdraw??>
<p class="withdraw-link"><a href="${page.withdraw.href}">${page.withdraw.text}</a></p>
</#if>
<#if page.copy??>
<#assign copy = page.copy>
<section class="receipt-copy" id="${copy.id}" aria-labelledby="${copy.id}-title">
<h2 id="${copy.id}-title">${copy.title}</h2>
<#list copy.said as said>
<p class="receipt-copy__state">${said}</p>
</#list>
<form method="post" action="${copy.action}" novalidate accept-charset="UTF-8">
<#if copy.summary??><@layout.errorSummary title=copy.summary.title errors=copy.summary.errors/></#if>
<input type="hidden" name="lang" value="${copy.language}">
<div class="form-group<#if copy.error??> form-group--error</#if>">
<label class="label" for="${copy.id}-email">${copy.label}</label>
<div class="hint" id="${copy.id}-hint">${copy.hint}</div>
<#if copy.error??>
<p class="error-message" id="${copy.id}-error"><span class="visually-hidden">${copy.hiddenPrefix}</span> ${copy.error}</p>
</#if>
<input class="input" id="${copy.id}-email" name="email" type="email" autocomplete="email" spellcheck="false" value="${copy.value}" aria-describedby="${copy.id}-hint<#if copy.error??> ${copy.id}-error</#if>">
</div>
<button class="button button--secondary" type="submit">${copy.button}</button>
</form>
</section>
</#if>
</@frames.public>
