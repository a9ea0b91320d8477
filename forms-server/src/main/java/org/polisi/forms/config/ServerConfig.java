package org.polisi.forms.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the server needs to know about its surroundings, already resolved to values.
 * Built by {@link ConfigLoader} from embedded defaults, an optional file and environment variables.
 *
 * <p>{@code submissionsPerWindow} and {@code loginsPerWindow} are this instance's share: the
 * configured limit divided by the number of instances behind the load balancer
 * (docs/adr/0054-several-instances.md).
 *
 * @param host           the interface to listen on ({@code host}, default 127.0.0.1: this machine only);
 *                       {@code 0.0.0.0} or {@code *} for every interface
 * @param trustedProxies addresses and CIDR blocks of the reverse proxies whose X-Forwarded-For is read; empty: none
 * @param secondFactorKeyFile the AES-256 key that seals second-factor secrets in the database ({@link SealingKey})
 */
public record ServerConfig(
        int port,
        String host,
        DatabaseAddress database,
        Path siteDir,
        Path manifestDir,
        Path agreedTextsDir,
        Path secretKeyFile,
        List<String> allowedOrigins,
        boolean secureCookies,
        List<String> trustedProxies,
        int maxBodyBytes,
        int submissionsPerWindow,
        int loginsPerWindow,
        Duration submissionWindow,
        Duration duplicateWindow,
        Duration sessionIdleTimeout,
        Duration sessionAbsoluteTimeout,
        int loginFailuresBeforeLockout,
        Duration lockoutDuration,
        Duration receiptLifetime,
        AlertMailSettings alertMail,
        RequestLimits requestLimits,
        CheckpointSettings checkpoints,
        Path secondFactorKeyFile) {

    /** The host words meaning every interface: {@code *}, {@code 0.0.0.0}, {@code ::}. */
    private static final java.util.Set<String> EVERY_INTERFACE = java.util.Set.of("*", "0.0.0.0", "::", "[::]");

    /** True when {@link #host} asks for every interface (reachable from other machines). */
    public boolean listensEverywhere() {
        return EVERY_INTERFACE.contains(host);
    }

    /**
     * The address to open the server at from this machine, for a port: {@code http://127.0.0.1:7070}
     * for the default host, {@code http://[::1]:7070} for an IPv6 literal, and
     * {@code http://localhost:7070} when it listens on every interface (where localhost is one of them).
     */
    public String origin(int listeningPort) {
        if (listensEverywhere()) {
            return "http://localhost:" + listeningPort;
        }
        String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + literal + ":" + listeningPort;
    }

    /** True when the server sits behind at least one trusted reverse proxy. */
    public boolean trustProxy() {
        return !trustedProxies.isEmpty();
    }
}
