package org.anpr.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.anpr.central.config.ConfigLoader;
import org.anpr.central.config.ReceiverConfig;
import org.anpr.central.support.ReceiverProcess;
import org.anpr.demo.network.DemoNetwork;

/**
 * The demo's centre as its own JVM ({@code ReceiverMain --config}), so that it can be killed with
 * SIGKILL: the same accounts, routes, signing keys and map as the in-process demo centre, on fixed
 * loopback ports so the gantries find it again after a restart.
 */
final class CentreProcess implements AutoCloseable {
    private final Path config;
    private final Path log;
    private final ReceiverConfig parsed;
    private ReceiverProcess process;

    private CentreProcess(Path config, Path log, ReceiverConfig parsed) {
        this.config = config;
        this.log = log;
        this.parsed = parsed;
    }

    /** Writes the configuration, creates the demo's operators (one per role, {@code operatorPassword}) and starts it. */
    static CentreProcess start(Path dir, DemoNetwork network, Map<String, char[]> secrets, int mqttPort, int httpPort,
                               String operatorPassword) throws Exception {
        Files.createDirectories(dir);
        Path credentials = DemoCentre.writeCredentials(dir, secrets);
        Path keys = DemoCentre.writeSigningKeys(dir, network.signingKeyLines());
        StringBuilder routes = new StringBuilder();
        network.routes().forEach(r -> routes.append("    - { id: ").append(r.id()).append(", entry: ").append(r.entry())
                .append(", exit: ").append(r.exit()).append(" }\n"));
        Path config = dir.resolve("receiver.yaml");
        Files.writeString(config, """
                mqtt: { host: 127.0.0.1, port: %d }
                auth: { credentialsFile: "%s" }
                store: { directory: "%s" }
                sections:
                  signingKeysFile: "%s"
                  routes:
                %s
                http: { host: 127.0.0.1, port: %d, gantriesFile: "%s" }
                """.formatted(mqttPort, credentials, dir.resolve("store"), keys, routes,
                httpPort, network.positionsFile()));
        ReceiverConfig parsed = ConfigLoader.load(config);
        DemoCentre.addOperators(parsed, operatorPassword);
        CentreProcess c = new CentreProcess(config, dir.resolve("receiver.log"), parsed);
        c.restart();
        return c;
    }

    /** Starts the receiver (again) and waits until it listens. */
    void restart() throws Exception {
        process = ReceiverProcess.start(config, log);
    }

    /** SIGKILL: no shutdown hook, no drain, no checkpoint. */
    void kill() throws InterruptedException {
        process.kill();
    }

    /** SIGTERM: the receiver closes its connections and files. */
    void stop() throws InterruptedException {
        process.stop();
    }

    ReceiverConfig config() {
        return parsed;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }
}
