/**
 * The build server (docs/adr/0079-build-server.md): a long-lived process per checkout that runs
 * {@code ./polisi build} with JRuby, Asciidoctor and the dictionaries already started, the way
 * Gradle's daemon runs Gradle builds.
 * <ul>
 *   <li>In: the command line of {@code ./polisi build}, from {@link org.polisi.site.buildserver.BuildClient}
 *   (the launcher's entry for {@code build}), over a Unix domain socket in an owner-only folder
 *   ({@link org.polisi.site.buildserver.ServerFolder}).</li>
 *   <li>Out: the build's standard output, standard error and exit status, streamed back
 *   ({@link org.polisi.site.buildserver.Frames}); the build itself writes what an in-process build writes.</li>
 *   <li>Why: a fresh JVM pays JRuby's start (3-4 s of CPU) for a one-page change; a warm process
 *   does not (issue 19's 2 s goal). Every build still reads every input from disk: the build
 *   cache and the per-school records (ADR 0055, 0062, 0067) decide what is redone, never memory.</li>
 *   <li>A build the client runs in its own process starts JRuby first, before the command line is
 *   parsed, when it will probably convert pages (docs/adr/0084).</li>
 * </ul>
 */
package org.polisi.site.buildserver;
