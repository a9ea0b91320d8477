package org.polisi.forms.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;

/**
 * A limit on the connections one client address may hold open at once (issue 23, fault 3; OWASP
 * ASVS 5.0 V13 resource limits): a connection past it is closed as soon as it is opened, before
 * anything is read from it, with one log line per address a minute ({@link ConnectionRefusals}).
 * Jetty has a limit for all clients together ({@code NetworkConnectionLimit}) but none per address,
 * so this is a Jetty {@link Connection.Listener}, added as a bean to the connector: Jetty tells it
 * of every connection opened and closed.
 *
 * <p>The address is the socket's peer. Connections from a trusted reverse proxy are not counted: all
 * clients behind it share its address, and limiting their connections is the proxy's business
 * (docs/deploy.md).
 */
final class ClientConnectionLimit implements Connection.Listener {

    private final int perClient;
    private final Predicate<InetAddress> exempt;
    private final ConnectionRefusals refusals;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
    /**
     * The connections counted in {@link #open}, with the address they were counted under (a closed
     * socket no longer knows its peer); a refused one is never counted, so its close changes nothing.
     */
    private final ConcurrentHashMap<Connection, InetAddress> counted = new ConcurrentHashMap<>();

    /**
     * @param perClient connections one address may hold open at once (at least 1)
     * @param exempt    addresses not limited (trusted proxies)
     * @param refusals  where a refusal is logged
     */
    ClientConnectionLimit(int perClient, Predicate<InetAddress> exempt, ConnectionRefusals refusals) {
        if (perClient < 1) {
            throw new IllegalArgumentException("http.connections-per-client must be at least 1, not " + perClient);
        }
        this.perClient = perClient;
        this.exempt = exempt;
        this.refusals = refusals;
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = peer(connection.getEndPoint());
        if (address == null || exempt.test(address)) {
            return;
        }
        boolean[] admitted = {false};
        open.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            admitted[0] = now < perClient;
            return admitted[0] ? now + 1 : count;
        });
        if (admitted[0]) {
            counted.put(connection, address);
        } else {
            refusals.closed(address, "more than " + perClient + " connections open from one address"
                    + " (http.connections-per-client)");
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        InetAddress address = counted.remove(connection);
        if (address == null) {
            return;
        }
        open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    private static InetAddress peer(EndPoint endPoint) {
        SocketAddress remote = endPoint.getRemoteSocketAddress();
        return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }
}
