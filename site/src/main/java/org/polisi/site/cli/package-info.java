/**
 * The command line ({@code ./polisi}): parses options with picocli and calls {@link org.polisi.site.SiteBuild}.
 * Commands print what an operator needs: a line per school, problems with file and line, a summary.
 * {@link org.polisi.site.cli.PolisiCli#execute} is the one way a command line is run, in its own
 * process or in the build server ({@link org.polisi.site.buildserver}, docs/adr/0079). A build folder
 * that is a link or another user's is refused before building, and a refusal of the file system
 * during a command is one plain line naming the folder, its owner and what to do
 * ({@link org.polisi.site.cli.FileSystemRefusals}, docs/adr/0097).
 */
package org.polisi.site.cli;
