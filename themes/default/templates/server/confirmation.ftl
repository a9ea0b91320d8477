<#ftl output_format="HTML" strip_whitespace=true>
<#-- The confirmation page and receipt (ConfirmationHandler.View): the reference, what to do now
     for an urgent report, what happens next, and the printable receipt of the answers. -->
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
<ol>
<#list urgent.steps as step>
<li>${step}</li>
</#list>
</ol>
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
<#if page.withdraw??>
<p class="withdraw-link"><a href="${page.withdraw.href}">${page.withdraw.text}</a></p>
</#if>
</@frames.public>
