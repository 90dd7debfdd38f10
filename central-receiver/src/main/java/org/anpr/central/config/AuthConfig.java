package org.anpr.central.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Gantry authentication.
 *
 * @param credentialsFile file of {@code gantry-id:pbkdf2-sha256$iterations$salt$hash} lines
 *                        (generate a line with {@code ./anpr receiver hash-password GANTRY});
 *                        default {@code ./data/credentials}. A missing file means nobody can connect.
 * @param reloadInterval  how often the credentials file (and {@code tls.crlFile}) is checked for
 *                        changes (default 5 s); a changed file is reloaded and the connections
 *                        whose credential it revoked or replaced are closed
 */
public record AuthConfig(Path credentialsFile, Duration reloadInterval) {
    public static final Duration DEFAULT_RELOAD_INTERVAL = Duration.ofSeconds(5);
    public static final AuthConfig DEFAULTS = new AuthConfig(Path.of("data", "credentials"));

    /** With the default reload interval. */
    public AuthConfig(Path credentialsFile) {
        this(credentialsFile, DEFAULT_RELOAD_INTERVAL);
    }
}
