package org.anpr.edge;

import java.time.Duration;
import org.anpr.device.coap.server.ManagementServer;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.clock.ChronyClock;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.config.ConfigFile;
import org.anpr.edge.config.ConfigStore;
import org.anpr.edge.hotlist.AlertBeacon;
import org.anpr.edge.hotlist.AlertBeacons;
import org.anpr.edge.management.AgentManagement;
import org.anpr.edge.management.GpioSelfTester;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.metrics.PrometheusEndpoint;
import org.anpr.edge.pipeline.CameraRig;
import org.anpr.edge.pipeline.EdgeAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running agent with everything around it, started and stopped in the right order: the
 * clock probe, the cameras (opened first: a camera that cannot be opened stops the start with its
 * id), the agent (stores, MQTT), the alert beacon, capture, and the technicians' management
 * endpoint. The standalone main and the Kura component both run the agent through this.
 */
public final class AgentRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRuntime.class);
    /** How long capture may take to finish the frames already queued when stopping. */
    public static final Duration DRAIN = Duration.ofSeconds(5);

    private final HealthProbe clock;
    private final CameraRig rig;
    private final EdgeAgent agent;
    private final AlertBeacon beacon;
    private final ManagementServer management;
    private final PrometheusEndpoint metrics;

    private AgentRuntime(HealthProbe clock, CameraRig rig, EdgeAgent agent, AlertBeacon beacon, ManagementServer management,
                         PrometheusEndpoint metrics) {
        this.clock = clock;
        this.rig = rig;
        this.agent = agent;
        this.beacon = beacon;
        this.management = management;
        this.metrics = metrics;
    }

    /**
     * Starts the agent.
     *
     * @param store where its configuration is kept: technicians' pushes go there (a {@link ConfigFile} also
     *              receives configurations pushed by the centre)
     * @throws ConfigException a camera or the alert output cannot be opened (nothing is left running)
     */
    public static AgentRuntime start(AgentConfig config, ConfigStore store) throws Exception {
        HealthProbe clock = config.clockSource().equals("chrony")
                ? new ChronyClock(ChronyClock.COMMAND, Duration.ofSeconds(10)) : HealthProbe.UNKNOWN;
        CameraRig rig = null;
        EdgeAgent agent = null;
        AlertBeacon beacon = null;
        PrometheusEndpoint metrics = null;
        try {
            rig = CameraRig.open(config, DeviceClock.system(), clock);
            agent = EdgeAgent.start(config, rig);
            if (config.alertOutput() != null) {
                try {
                    beacon = AlertBeacons.open(config.alertOutput());
                } catch (RuntimeException e) {
                    throw new ConfigException(java.util.List.of("alertOutput: " + e.getMessage()));
                }
                agent.onAlert(beacon);
            }
            if (store instanceof ConfigFile file) {
                agent.keepPushedConfigIn(file);
            }
            rig.attachTo(agent);
            if (config.metrics().enabled()) {
                metrics = PrometheusEndpoint.start(config.metrics(), PrometheusEndpoint.registry(agent, rig));
            }
            ManagementServer management = config.management() == null ? null
                    : AgentManagement.serve(agent, rig, clock, store, config.management(),
                            GpioSelfTester.forGantry(config.management()));
            return new AgentRuntime(clock, rig, agent, beacon, management, metrics);
        } catch (Exception | Error e) {
            closeAll(null, metrics, rig, agent, beacon, clock);
            throw e;
        }
    }

    public EdgeAgent agent() {
        return agent;
    }

    /** Whether every camera ends by itself (recordings): then the agent can run as a batch job. */
    public boolean finite() {
        return rig.finite();
    }

    /** Frames captured so far, over every camera. */
    public long framesIn() {
        return rig.framesIn();
    }

    /** Blocks until every (finite) camera has ended and its frames are recognised and stored. */
    public void awaitSourcesEnd() throws InterruptedException {
        while (!rig.awaitEnd(Duration.ofSeconds(1))) {
            // polled: a live camera never ends, and the caller may be interrupted
        }
    }

    /** Blocks until the outbox is empty: everything read has been acknowledged by the centre. */
    public void awaitDrained() throws InterruptedException {
        while (agent.outbox().stats().items() > 0) {
            Thread.sleep(200);
        }
    }

    /** The Prometheus endpoint's port, or -1 when {@code metrics.enabled} is false. */
    public int metricsPort() {
        return metrics == null ? -1 : metrics.port();
    }

    /** The management endpoint, or null when none is configured. */
    public ManagementServer management() {
        return management;
    }

    /** Applies a configuration in place ({@link EdgeAgent#reconfigure}: queued data kept), or refuses it. */
    public void reconfigure(AgentConfig next) throws ConfigException {
        agent.reconfigure(next);
    }

    /**
     * Stops in reverse order: the management endpoint, the metrics endpoint, capture (queued frames finish, open passages
     * go into the outbox), the agent (outbox and MQTT closed), the beacon, the clock probe.
     */
    @Override
    public void close() {
        closeAll(management, metrics, rig, agent, beacon, clock);
    }

    private static void closeAll(ManagementServer management, PrometheusEndpoint metrics, CameraRig rig, EdgeAgent agent,
                                 AlertBeacon beacon, HealthProbe clock) {
        if (management != null) {
            management.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (rig != null) {
            try {
                if (!rig.stop(DRAIN)) {
                    LOG.warn("capture did not finish its queued frames within {} s", DRAIN.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("stopping capture failed: {}", e.toString());
            }
            rig.close();
        }
        for (Object part : new Object[] {agent, beacon, clock}) {
            if (part instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("closing {} failed: {}", part.getClass().getSimpleName(), e.toString());
                }
            }
        }
    }
}
