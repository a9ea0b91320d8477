/**
 * Problems found in content or output, each with file, line and a short code.
 * Every stage reports into one {@link org.polisi.site.problem.Problems} so that an author
 * sees all of them in one build; {@code --strict} turns any error into a failed build.
 */
package org.polisi.site.problem;
