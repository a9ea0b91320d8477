<#ftl output_format="HTML" strip_whitespace=true>
<#-- A page whose content is still assembled in Java (PageLayout.Page, escaped by Jsoup), in the
     shared frame. page: main (the content, markup), staff (a staff page's header, or null). -->
<#import "frames.ftl" as frames>
<#if page.staff??>
<@frames.staff frame=frame staff=page.staff>${page.main?no_esc}</@frames.staff>
<#else>
<@frames.public frame=frame>${page.main?no_esc}</@frames.public>
</#if>
