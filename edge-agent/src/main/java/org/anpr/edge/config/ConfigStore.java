package org.anpr.edge.config;

import java.io.IOException;

/**
 * Where the running agent's configuration is kept, and whether a technician's push may replace
 * it: {@link ConfigFile} for a standalone agent (gantry.yaml), the Kura component's store for an
 * agent configured through Eclipse Kura (which refuses pushes: Kura owns the configuration).
 */
public interface ConfigStore {
    /** The configuration document the agent runs. */
    byte[] read() throws IOException;

    /**
     * Validates {@code yaml}, applies it with {@code applier} and keeps it.
     *
     * @throws ConfigException invalid, refused by the applier, or not accepted by this store: nothing changed
     */
    AgentConfig replace(byte[] yaml, ConfigFile.Applier applier) throws ConfigException, IOException;

    /** Where it is, for messages. */
    String describe();
}
