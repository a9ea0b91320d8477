<#ftl output_format="HTML" strip_whitespace=true>
<#-- What is left of an erased submission (ErasurePages.Tombstone): which form, when it arrived,
     when its answers were erased, by whom and why; nothing that it said. page: lead, rows (term, value: typed text). -->
<#import "frames.ftl" as frames>
<#assign body = page>
<@frames.staff frame=frame staff=staff>
<p class="tombstone">${body.lead}</p>
<dl class="summary-list">
<#list body.rows as row><@frames.summaryRow row=row/></#list>
</dl>
</@frames.staff>
