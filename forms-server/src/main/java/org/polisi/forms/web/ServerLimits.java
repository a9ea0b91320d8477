package org.polisi.forms.web;

import io.javalin.config.JavalinConfig;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ThreadLimitHandler;
import org.polisi.forms.config.ServerConfig;

/**
 * Jetty's own facilities, set up so that one client cannot hold the server (issue 23, fault 3):
 * an idle timeout on every connection and request (a body that stops arriving ends in 408 after a
 * few seconds instead of holding a thread for 30), a deadline for each request's head
 * ({@link RequestLineConnectionFactory}), a limit on the connections one client address holds open
 * ({@link ClientConnectionLimit}), a limit on the requests one client address has
 * in progress ({@link ThreadLimitHandler}: more wait without a
 * thread), a limit on connections across all clients ({@link NetworkConnectionLimit}), the method
 * override headers removed ({@link MethodOverrideStripper}), a method token no route takes routed
 * to the 405 every other such method gets ({@link UnroutedMethods}), {@code OPTIONS *} answered
 * ({@link ServerWideOptions}, asked by the stripper), Jetty's own error pages replaced by the
 * server's ({@link JettyErrorPage}), and behind trusted proxies the client's address and scheme
 * taken from their forwarding headers ({@link TrustedProxies}).
 */
public final class ServerLimits {

    private ServerLimits() {
    }

    /** Applies the limits of {@code config} to the Javalin being configured; call inside {@code Javalin.create}. */
    public static void apply(JavalinConfig javalin, ServerConfig config, Handlers handlers) {
        var limits = config.requestLimits();
        long idleMillis = limits.idleTimeout().toMillis();
        // No minimum data rate (HttpConfiguration.setMinRequestDataRate): Jetty measures it from the
        // first byte, so a small body read a millisecond late fails it; the idle timeout and the
        // per-client limit bound a slow client instead.
        TrustedProxies proxies = new TrustedProxies(config.trustedProxies());
        ConnectionRefusals refusals = new ConnectionRefusals();
        javalin.jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(idleMillis);
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
            if (config.trustProxy()) {
                proxies.install(http);
            }
        });
        javalin.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server,
                    new RequestLineConnectionFactory(http, limits.headerTimeout(), refusals));
            connector.setPort(config.port());
            connector.setHost(config.listensEverywhere() ? null : config.host());   // Jetty: null is every interface
            connector.setIdleTimeout(idleMillis);
            connector.addBean(new ClientConnectionLimit(limits.connectionsPerClient(), proxies::trusts, refusals));
            return connector;
        });
        javalin.jetty.modifyServer(server -> {
            server.setStopTimeout(2_000);
            ThreadLimitHandler perClient = new ThreadLimitHandler(null, false); // by remote address, set by TrustedProxies
            perClient.setThreadLimit(limits.requestsPerClient());
            server.setHandler(new MethodOverrideStripper(new UnroutedMethods(perClient), handlers.securityHeaders()));
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
            server.setErrorHandler(new JettyErrorPage(handlers.errors(), handlers.securityHeaders()));
        });
    }
}
