package org.anpr.central.config;

import java.nio.file.Path;

/**
 * Gantry authentication.
 *
 * @param credentialsFile file of {@code gantry-id:pbkdf2-sha256$iterations$salt$hash} lines
 *                        (generate a line with {@code ./anpr receiver hash-password GANTRY});
 *                        default {@code ./data/credentials}. A missing file means nobody can connect.
 */
public record AuthConfig(Path credentialsFile) {
    public static final AuthConfig DEFAULTS = new AuthConfig(Path.of("data", "credentials"));
}
