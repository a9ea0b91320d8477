/**
 * The command line ({@code ./polisi}): parses options with picocli and calls {@link org.polisi.site.SiteBuild}.
 * Commands print what an operator needs: a line per school, problems with file and line, a summary.
 */
package org.polisi.site.cli;
