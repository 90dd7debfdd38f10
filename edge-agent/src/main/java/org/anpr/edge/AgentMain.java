package org.anpr.edge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.anpr.device.time.DeviceClock;
import org.anpr.device.coap.server.ManagementServer;
import org.anpr.edge.clock.ChronyClock;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.config.ConfigFile;
import org.anpr.edge.hotlist.AlertBeacon;
import org.anpr.edge.hotlist.AlertBeacons;
import org.anpr.edge.management.AgentManagement;
import org.anpr.edge.management.GpioSelfTester;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.pipeline.CameraRig;
import org.anpr.edge.pipeline.EdgeAgent;

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
        CameraRig rig;
        HealthProbe host = HealthProbe.UNKNOWN;
        try {
            config = AgentConfigLoader.load(Path.of(args[1]));
            host = config.clockSource().equals("chrony") ? new ChronyClock(ChronyClock.COMMAND, Duration.ofSeconds(10)) : HealthProbe.UNKNOWN;
            rig = CameraRig.open(config, DeviceClock.system(), host);
        } catch (ConfigException e) {
            System.err.println("anpr agent: " + args[1] + ": " + e.getMessage());
            System.exit(2);
            return;
        }
        EdgeAgent agent;
        try {
            agent = EdgeAgent.start(config, rig);
        } catch (Exception e) {
            rig.close();
            throw e;
        }
        AlertBeacon beacon = null;
        if (config.alertOutput() != null) {
            try {
                beacon = AlertBeacons.open(config.alertOutput());
            } catch (RuntimeException e) {
                System.err.println("anpr agent: " + args[1] + ": alertOutput: " + e.getMessage());
                rig.close();
                agent.close();
                System.exit(2);
                return;
            }
            agent.onAlert(beacon);
        }
        AlertBeacon alertBeacon = beacon;
        HealthProbe clock = host;
        ConfigFile configFile = new ConfigFile(Path.of(args[1]));
        agent.keepPushedConfigIn(configFile);
        rig.attachTo(agent);
        ManagementServer management = config.management() == null ? null
                : AgentManagement.serve(agent, rig, host, configFile, config.management(),
                        GpioSelfTester.forGantry(config.management()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (management != null) {
                    management.close();
                }
                rig.stop(Duration.ofSeconds(5));
                rig.close();
                agent.close();
                if (alertBeacon != null) {
                    alertBeacon.close();
                }
                if (clock instanceof AutoCloseable c) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("anpr agent: close failed: " + e);
            }
            stopped.countDown();
        }, "agent-shutdown"));
        System.out.println("anpr agent: gantry " + config.gantryId() + " running with " + config.cameras().size()
                + " camera(s), region " + config.recognition().region().code() + ", "
                + config.recognition().workers() + " recognition worker(s); outbox " + config.outboxFile()
                + (management == null ? "" : "; management on coaps://" + management.address()));
        stopped.await();
    }
}
