package org.polisi.forms.config;

import java.time.Duration;

/**
 * How long and how much one client may take of the server (issue 23, fault 3), applied by Jetty.
 *
 * @param idleTimeout          how long a connection may send nothing (headers, body, or between
 *                             requests) before it is closed; a body that stops arriving gets 408
 * @param requestsPerClient    requests one client address may have in progress at once; more wait
 *                             without a thread (Jetty's ThreadLimitHandler)
 * @param maxConnections       connections open at once across all clients; more wait to be accepted
 */
public record RequestLimits(Duration idleTimeout, int requestsPerClient,
                            int maxConnections) {
}
