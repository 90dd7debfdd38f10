package org.anpr.edge.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The gantry's configuration file ({@code gantry.yaml}) as the one place a new configuration is
 * accepted from, whether a technician PUTs it over CoAP or an operator pushes it over MQTT: it is
 * parsed and validated, written beside the file, applied to the running agent, and only then
 * moved over the file (an atomic rename). A configuration that is refused, or cannot be written,
 * changes neither the agent nor the file; an applied one survives a restart.
 */
public final class ConfigFile implements ConfigStore {
    /** Applies a validated configuration to the running agent; may still refuse it. */
    @FunctionalInterface
    public interface Applier {
        void apply(AgentConfig next) throws ConfigException;
    }

    private final Path file;

    public ConfigFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path path() {
        return file;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public byte[] read() throws IOException {
        return Files.readAllBytes(file);
    }

    /**
     * Validates {@code yaml}, hands it to {@code applier}, then replaces the file with it.
     *
     * @throws ConfigException the document is invalid or the applier refused it: nothing changed
     * @throws IOException the file could not be written: nothing changed, unless the final rename
     *     failed, in which case the agent runs the new configuration and the file keeps the old one
     *     (the message says so)
     */
    @Override
    public synchronized AgentConfig replace(byte[] yaml, Applier applier) throws ConfigException, IOException {
        AgentConfig next = AgentConfigLoader.parse(new String(yaml, StandardCharsets.UTF_8));
        // disk trouble shows here, before the agent changes
        Path temp = DurableFiles.writeBeside(file, ".gantry", yaml);
        try {
            applier.apply(next);
            try {
                DurableFiles.moveOver(temp, file);
            } catch (IOException e) {
                throw new IOException("the new configuration is running but " + file + " could not be replaced"
                        + " (it is lost on restart): " + e.getMessage(), e);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return next;
    }
}
