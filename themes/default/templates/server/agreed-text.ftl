<#ftl output_format="HTML" strip_whitespace=true>
<#-- An archived agreed text (AgreedTextPage.View): a note saying what it is, then the page as the
     person saw it. The archived page is the school's own published markup, so it is printed as it is. -->
<#import "frames.ftl" as frames>
<@frames.public frame=frame>
<div class="notice notice--archive" role="note">
<p>${page.intro}</p>
<dl class="summary-list">
<#list page.details as row>
<@frames.summaryRow row/>
</#list>
</dl>
<p><a href="${page.current.href}">${page.current.text}</a></p>
</div>
<div class="agreed-text">${page.archived?no_esc}</div>
</@frames.public>
