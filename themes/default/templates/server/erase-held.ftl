<#ftl output_format="HTML" strip_whitespace=true>
<#-- An erasure refused because the record is under a legal hold (ErasurePages.Held): why, and the way back. -->
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<p class="legal-hold">${page.held}</p>
<p><a href="${page.back.href}">${page.back.text}</a></p>
</@frames.staff>
