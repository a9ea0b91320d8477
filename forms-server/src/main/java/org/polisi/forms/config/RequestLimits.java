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
 * @param headerTimeout        how long a request's head (request line and headers) may take from its
 *                             first byte to its last; past it the connection is closed
 * @param connectionsPerClient connections one client address may hold open at once; more are closed
 *                             as soon as they open (trusted proxies are not limited)
 */
public record RequestLimits(Duration idleTimeout, int requestsPerClient,
                            int maxConnections, Duration headerTimeout, int connectionsPerClient) {
}
