<#ftl output_format="HTML" strip_whitespace=true>
<#-- /staff/roster (RosterPage.View): when the roster was last replaced and how many pupils each
     class has (never the names), and the upload form: a CSV file, or the two columns pasted. -->
<#import "../layout.ftl" as layout>
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<#list page.explanation as paragraph><p>${paragraph}</p></#list>
<#if page.lastUpload??>
<p role="status">${page.lastUpload}</p>
<@frames.table page.classes/>
<#else>
<p>${page.none}</p>
</#if>
<h2>${page.uploadTitle}</h2>
<form method="post" action="/staff/roster" enctype="multipart/form-data" novalidate>
<#if page.summary??><@layout.errorSummary title=page.summary.title errors=page.summary.errors/></#if>
<input type="hidden" name="${page.csrfField}" value="${page.csrfToken}">
<div class="form-group">
<label class="label" for="roster--file">${page.fileLabel}</label>
<div class="hint" id="roster--file--hint">${page.fileHint}</div>
<input class="file-upload" type="file" id="roster--file" name="${page.fileName}" accept=".csv,text/csv,text/plain" aria-describedby="roster--file--hint">
</div>
<div class="form-group">
<label class="label" for="roster--text">${page.textLabel}</label>
<textarea class="textarea" id="roster--text" name="${page.textName}" rows="8">${page.text}</textarea>
</div>
<button class="button" type="submit">${page.button}</button>
</form>
</@frames.staff>
