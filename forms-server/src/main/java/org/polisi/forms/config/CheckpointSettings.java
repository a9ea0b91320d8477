package org.polisi.forms.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where and how often the server signs checkpoints of its chains (ADR 0013, amended; ADR 0025).
 *
 * @param logFile  the checkpoint log, one signed line per checkpoint (outside the database)
 * @param keyFile  the Ed25519 private key (its public key beside it, {@code .pub})
 * @param interval how often a checkpoint is taken while something changed (one is also taken at
 *                 start and at shutdown)
 * @param mailTo   addresses each checkpoint is e-mailed to through the alerts' SMTP server; empty: none
 */
public record CheckpointSettings(Path logFile, Path keyFile, Duration interval, List<String> mailTo) {

    public CheckpointSettings {
        mailTo = List.copyOf(mailTo);
    }
}
