/**
 * The report: input, the resolved sites and translation states of a build; output, per school,
 * what an editor needs to act on (stale overrides, stale or missing translations, overdue reviews,
 * missing documents). It reads what the build computed and decides nothing itself.
 */
package org.polisi.site.report;
