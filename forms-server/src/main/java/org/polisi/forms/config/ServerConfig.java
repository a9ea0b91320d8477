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
 * @param trustedProxies addresses and CIDR blocks of the reverse proxies whose X-Forwarded-For is read; empty: none
 */
public record ServerConfig(
        int port,
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
        CheckpointSettings checkpoints) {

    /** True when the server sits behind at least one trusted reverse proxy. */
    public boolean trustProxy() {
        return !trustedProxies.isEmpty();
    }
}
