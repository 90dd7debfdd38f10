package org.anpr.edge;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.anpr.device.coap.server.ManagementServer;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.config.ConfigFile;

/**
 * {@code ./anpr agent --config gantry.yaml}: the standalone edge agent. Opens the cameras first
 * (a camera that cannot be opened stops the start with its id and the reason), then the agent
 * (stores, MQTT), then starts capture. On SIGTERM/Ctrl-C capture stops, queued frames finish and
 * open passages are emitted into the outbox before the agent closes.
 */
public final class AgentMain {
    private static final String USAGE = """
            Usage: ./anpr agent --config gantry.yaml
            Runs the gantry edge agent: cameras -> recognition -> hotlist -> section timing -> outbox -> MQTT.
            The file's keys and defaults are in edge-agent/README.md; every error names its field.
            """;

    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            System.out.print(USAGE);
            return;
        }
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.print(USAGE);
            System.exit(2);
        }
        AgentConfig config;
        AgentRuntime runtime;
        try {
            config = AgentConfigLoader.load(Path.of(args[1]));
            runtime = AgentRuntime.start(config, new ConfigFile(Path.of(args[1])));
        } catch (ConfigException e) {
            System.err.println("anpr agent: " + args[1] + ": " + e.getMessage());
            System.exit(2);
            return;
        } catch (java.sql.SQLException | java.io.IOException e) {
            // an expected condition (a store that cannot be opened, a port in use): its message, no stack trace
            System.err.println("anpr agent: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runtime.close();
            } catch (RuntimeException e) {
                System.err.println("anpr agent: close failed: " + e);
            }
            stopped.countDown();
        }, "agent-shutdown"));
        ManagementServer management = runtime.management();
        System.out.println("anpr agent: gantry " + config.gantryId() + " running with " + config.cameras().size()
                + " camera(s), region " + config.recognition().region().code() + ", "
                + config.recognition().workers() + " recognition worker(s); outbox " + config.outboxFile()
                + (management == null ? "" : "; management on coaps://" + management.address()));
        stopped.await();
    }
}
