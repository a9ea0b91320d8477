<#ftl output_format="HTML" strip_whitespace=true>
<#-- The error summary alone, put by the server into a re-shown baked form. page: title, errors. -->
<#import "../layout.ftl" as layout>
<@layout.errorSummary title=page.title errors=page.errors/>
