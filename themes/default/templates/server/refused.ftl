<#ftl output_format="HTML" strip_whitespace=true>
<#-- A staff action that was not recorded (StaffFrame.Refused): what was wrong, and the way back. -->
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<p class="error-message">${page.message}</p>
<p><a href="${page.back.href}">${page.back.text}</a></p>
</@frames.staff>
