<#ftl output_format="HTML" strip_whitespace=true>
<#-- /staff/submissions/{reference} (RecordPage.View): the record's details and answers, then the
     sections of its kind: a consent form's history, a withdrawal request's matching, an incident's
     chronology and who has viewed it, and the headteacher's erasure. A null section is left out. -->
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<#if page.urgent??><p class="urgent-flag">${page.urgent}</p></#if>
<dl class="summary-list">
<#list page.details as row><@frames.summaryRow row=row/></#list>
</dl>
<#if page.consentHistory??>
<#assign history = page.consentHistory>
<h2>${history.title}</h2>
<#if history.unverified??><@frames.notice history.unverified/></#if>
<@frames.table history.table/>
</#if>
<#if page.withdrawal??>
<#assign withdrawal = page.withdrawal>
<h2 id="withdrawal-request">${withdrawal.title}</h2>
<#if withdrawal.decided??>
<p class="withdrawal-decision">${withdrawal.decided.text}</p>
<#if withdrawal.decided.reason??><p class="withdrawal-reason"><@frames.typed withdrawal.decided.reason/></p></#if>
<#if withdrawal.decided.consent??><#assign consent = withdrawal.decided.consent><p><#if consent.href?has_content><a href="${consent.href}">${consent.text}</a><#else>${consent.text}</#if></p></#if>
<#else>
<p class="withdrawal-pending">${withdrawal.pending}</p>
<#if withdrawal.noCandidates??>
<p>${withdrawal.noCandidates}</p>
<#else>
<@frames.table withdrawal.candidates/>
</#if>
<#assign reject = withdrawal.reject>
<form method="post" action="${reject.action}">
<input type="hidden" name="${reject.csrfField}" value="${reject.csrfToken}">
<div class="form-group">
<label class="label" for="withdrawal--reason">${reject.label}</label>
<textarea class="textarea" id="withdrawal--reason" name="reason" rows="3" maxlength="${reject.maxLength}"></textarea>
</div>
<button class="button button--secondary" type="submit">${reject.button}</button>
</form>
</#if>
</#if>
<#if page.chronology??>
<#assign chronology = page.chronology>
<h2 id="chronology">${chronology.title}</h2>
<#if chronology.unverified??><@frames.notice chronology.unverified/></#if>
<p class="incident-status">${chronology.status}</p>
<#if chronology.keptUntil??><p>${chronology.keptUntil}</p></#if>
<#if chronology.none??>
<p>${chronology.none}</p>
<#else>
<@frames.table chronology.entries/>
</#if>
<form method="post" action="${chronology.action}">
<input type="hidden" name="${chronology.csrfField}" value="${chronology.csrfToken}">
<input type="hidden" name="kind" value="${chronology.kinds.action}">
<div class="form-group">
<label class="label" for="incident--action">${chronology.actionLabel}</label>
<textarea class="textarea" id="incident--action" name="detail" rows="3" maxlength="${chronology.maxAction}"></textarea>
</div>
<button class="button" type="submit">${chronology.addButton}</button>
</form>
<form method="post" action="${chronology.action}">
<input type="hidden" name="${chronology.csrfField}" value="${chronology.csrfToken}">
<input type="hidden" name="kind" value="${chronology.kinds.status}">
<div class="form-group"><fieldset class="fieldset">
<legend class="legend">${chronology.statusLegend}</legend>
<div class="radios">
<#list chronology.statuses as choice>
<div class="radios__item"><input class="radios__input" type="radio" name="detail" value="${choice.value}" id="incident--status--${choice.value}"<#if choice.checked> checked</#if>><label class="label radios__label" for="incident--status--${choice.value}">${choice.label}</label></div>
</#list>
</div>
</fieldset></div>
<button class="button" type="submit">${chronology.statusButton}</button>
</form>
<form method="post" action="${chronology.action}">
<input type="hidden" name="${chronology.csrfField}" value="${chronology.csrfToken}">
<input type="hidden" name="kind" value="${chronology.kinds.keepUntil}">
<div class="form-group">
<label class="label" for="incident--keep-until">${chronology.keepLabel}</label>
<div class="hint" id="incident--keep-until--hint">${chronology.keepHint}</div>
<input class="input" type="date" id="incident--keep-until" name="detail" aria-describedby="incident--keep-until--hint"<#if chronology.keepValue?has_content> value="${chronology.keepValue}"</#if>>
</div>
<button class="button" type="submit">${chronology.keepButton}</button>
</form>
</#if>
<#if page.views??>
<h2>${page.views.title}</h2>
<ul>
<#list page.views.views as view><li>${view}</li></#list>
</ul>
</#if>
<#if page.erase??>
<#assign erase = page.erase>
<h2 id="erase">${erase.title}</h2>
<#if erase.held??>
<p class="legal-hold">${erase.held}</p>
<#else>
<p>${erase.explanation}</p>
<p><a href="${erase.erase.href}" class="button button--warning" role="button">${erase.erase.text}</a></p>
</#if>
</#if>
</@frames.staff>
