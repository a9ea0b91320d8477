<#ftl output_format="HTML" strip_whitespace=true>
<#-- /staff/people (PersonPage.View): find everything about a person, and download it. -->
<#import "frames.ftl" as frames>
<@frames.staff frame=frame staff=staff>
<p>${page.explanation}</p>
<#if page.explanationAccounts??>
<p>${page.explanationAccounts}</p>
</#if>
<#assign search = page.search>
<form class="person-search" method="post" action="/staff/people" role="search">
<input type="hidden" name="${search.csrfField}" value="${search.csrfToken}">
<div class="form-group<#if search.error??> form-group--error</#if>">
<label class="label" for="person--name">${search.label}</label>
<#if search.error??>
<p class="error-message" id="person--name--error"><span class="visually-hidden">${search.hiddenPrefix}</span> ${search.error}</p>
</#if>
<input class="input" type="search" id="person--name" name="name" value="${search.name}" autocomplete="off" spellcheck="false"<#if search.error??> aria-describedby="person--name--error" autofocus</#if>>
</div>
<button class="button" type="submit">${search.button}</button>
</form>
<#if page.results??>
<#assign results = page.results>
<#if results.none??>
<p role="status">${results.none}</p>
<#else>
<h2 role="status">${results.found}</h2>
<#list results.sections as section>
<h3>${section.heading}</h3>
<@frames.table section.table/>
</#list>
<form method="post" action="/staff/people.json">
<input type="hidden" name="${search.csrfField}" value="${search.csrfToken}">
<input type="hidden" name="name" value="${results.name}">
<button class="button button--secondary" type="submit">${results.download}</button>
</form>
</#if>
</#if>
</@frames.staff>
