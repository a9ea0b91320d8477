<#ftl output_format="HTML" strip_whitespace=true>
<#-- /staff/submissions (SubmissionPages.View): the filters (a GET form: a list that can be
     bookmarked), how many match, one page of them, the way to the other pages and the same as CSV.
     With a date that is not a date: the error summary and the filters only. -->
<#import "../layout.ftl" as layout>
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<#if page.summary??><@layout.errorSummary title=page.summary.title errors=page.summary.errors/></#if>
<#assign filters = page.filters>
<form class="filters" method="get" action="/staff/submissions">
<div class="form-group">
<label class="label" for="filter--form">${filters.formLabel}</label>
<select class="select" id="filter--form" name="form">
<#list filters.forms as option><option value="${option.value}"<#if option.selected> selected</#if>>${option.text}</option></#list>
</select>
</div>
<#list filters.dates as date>
<div class="form-group<#if date.error??> form-group--error</#if>">
<label class="label" for="filter--${date.name}">${date.label}</label>
<#if date.error??>
<p class="error-message" id="filter--${date.name}--error"><span class="visually-hidden">${date.hiddenPrefix}</span> ${date.error}</p>
</#if>
<input class="input<#if date.error??> input--error</#if>" type="date" id="filter--${date.name}" name="${date.name}"<#if date.value?has_content> value="${date.value}"</#if><#if date.error??> aria-describedby="filter--${date.name}--error"</#if>>
</div>
</#list>
<div class="form-group"><div class="checkboxes"><div class="checkboxes__item">
<input class="checkboxes__input" type="checkbox" id="filter--urgent" name="urgent" value="1"<#if filters.urgentOnly> checked</#if>>
<label class="label checkboxes__label" for="filter--urgent">${filters.urgentLabel}</label>
</div></div></div>
<button class="button" type="submit">${filters.button}</button>
</form>
<#if page.count??>
<p role="status">${page.count}</p>
<#if page.table??><@frames.table page.table/></#if>
<#if page.pagination??>
<#assign paging = page.pagination>
<nav class="pagination" aria-label="${paging.label}">
<p>${paging.pageOf}</p>
<ul class="pagination__list">
<#if paging.previous??><li><a href="${paging.previous.href}" rel="prev">${paging.previous.text}</a></li></#if>
<#if paging.next??><li><a href="${paging.next.href}" rel="next">${paging.next.text}</a></li></#if>
</ul>
</nav>
</#if>
<p><a href="${page.export.href}">${page.export.text}</a></p>
</#if>
</@frames.staff>
