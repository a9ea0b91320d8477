/**
 * Problems found in content or output, each with file, line and a short code.
 * Every stage reports into one {@link org.polisi.site.problem.Problems} so that an author
 * sees all of them in one build; an error holds back the site whose files hold it
 * ({@link org.polisi.site.problem.Blame}), strict or not, and {@code --strict} makes every warning
 * an error; {@link org.polisi.site.problem.Verdict} keeps the build's running tally of both. {@link org.polisi.site.problem.Problem#describe} prints the one format every problem
 * uses: {@code file:line[:column]: level: message [code]}.
 */
package org.polisi.site.problem;
