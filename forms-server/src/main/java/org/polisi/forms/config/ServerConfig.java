package org.polisi.forms.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything the server needs to know about its surroundings, already resolved to values.
 * Built by {@link ConfigLoader} from embedded defaults, an optional file and environment variables.
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
        boolean trustProxy,
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
}
