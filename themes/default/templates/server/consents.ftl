<#ftl output_format="HTML" strip_whitespace=true>
<#-- /staff/consents (ConsentPage.View): the consents in force, by pupil and statement, filtered by
     statement, class, year group and answer (a GET form: a list that can be bookmarked and printed;
     the print style sheet leaves the filters off the paper), and the same as CSV. -->
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<#if page.unverified??>
<p role="alert" class="notice notice--warning">${page.unverified}</p>
</#if>
<p>${page.explanation}</p>
<form class="filters" method="get" action="${page.filters.action}">
<#list page.filters.selects as select>
<div class="form-group">
<label class="label" for="filter--${select.name}">${select.label}</label>
<select class="select" id="filter--${select.name}" name="${select.name}">
<#list select.options as option><option value="${option.value}"<#if option.selected> selected</#if>>${option.text}</option></#list>
</select>
</div>
</#list>
<button class="button" type="submit">${page.filters.button}</button>
</form>
<#if page.none??>
<p role="status">${page.none}</p>
<#else>
<p class="table__caption" id="consents-caption">${page.caption}</p>
<@frames.table page.table/>
</#if>
<p class="print-hint"><a href="${page.csv.href}">${page.csv.text}</a> · ${page.print}</p>
</@frames.staff>
