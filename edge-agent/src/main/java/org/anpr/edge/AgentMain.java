package org.anpr.edge;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.pipeline.EdgeAgent;

/** {@code ./anpr agent --config gantry.yaml}: the standalone edge agent. */
public final class AgentMain {
    private AgentMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("Usage: anpr agent --config gantry.yaml");
            System.exit(args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")) ? 0 : 2);
        }
        AgentConfig config;
        try {
            config = AgentConfigLoader.load(Path.of(args[1]));
        } catch (ConfigException e) {
            System.err.println("anpr agent: " + args[1] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        EdgeAgent agent = EdgeAgent.start(config, HealthProbe.UNKNOWN);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                agent.close();
            } catch (Exception e) {
                System.err.println("anpr agent: close failed: " + e);
            }
            stop.countDown();
        }));
        System.out.println("anpr agent: gantry " + config.gantryId() + " running; outbox " + config.outboxFile());
        stop.await();
    }
}
