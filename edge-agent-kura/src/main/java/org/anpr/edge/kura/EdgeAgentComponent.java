package org.anpr.edge.kura;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.anpr.edge.AgentRuntime;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.AgentConfigLoader;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.config.ConfigFile;
import org.anpr.edge.config.ConfigStore;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge agent as an Eclipse Kura application: a Declarative Services component that Kura
 * configures (its metatype is {@link AgentOcd}). Activation starts the agent exactly as
 * {@code ./anpr agent} does ({@link AgentRuntime}); a modified configuration is applied in place
 * ({@code reconfigure}: outbox open, queued reads kept) or, for what needs a restart (cameras,
 * storage, gantry id), by restarting the agent over the same durable outbox; deactivation stops
 * capture, lets queued frames finish and closes the outbox. A configuration the agent's loader
 * refuses is logged with its field names and changes nothing: the agent keeps running the last good
 * one, or stays stopped if there is none yet ({@link #lastRefusal()}).
 */
@Component(name = EdgeAgentComponent.PID, configurationPid = EdgeAgentComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true, service = ConfigurableComponent.class)
@Designate(ocd = AgentOcd.class)
public final class EdgeAgentComponent implements ConfigurableComponent {
    /** The component's (and its configuration's) persistent id in Kura. */
    public static final String PID = "org.anpr.edge.EdgeAgent";
    private static final Logger LOG = LoggerFactory.getLogger(EdgeAgentComponent.class);

    private AgentRuntime running;
    private String runningYaml;
    private List<String> lastRefusal = List.of();

    /**
     * Starts the agent. An invalid configuration does not fail the activation: the component stays
     * registered (so Kura keeps offering it for correction) with the agent stopped and the reason in
     * the log and {@link #lastRefusal()}; the next valid configuration starts it.
     */
    @Activate
    synchronized void activate(Map<String, Object> properties) {
        apply(properties);
    }

    @Modified
    synchronized void modified(Map<String, Object> properties) {
        apply(properties);
    }

    private void apply(Map<String, Object> properties) {
        AgentConfig next;
        String yaml;
        try {
            yaml = KuraProperties.toGantryYaml(properties);
            next = AgentConfigLoader.parse(yaml);
        } catch (ConfigException e) {
            refuse(e.errors());
            return;
        }
        if (running != null && yaml.equals(runningYaml)) {
            return;
        }
        if (running == null) {
            if (!start(next, yaml)) {
                return;
            }
        } else {
            try {
                running.reconfigure(next);
                runningYaml = yaml;
            } catch (ConfigException needsRestart) {
                if (!restart(next, yaml)) {
                    return;
                }
            }
        }
        lastRefusal = List.of();
        LOG.info("gantry {} running the configuration from Kura ({} camera(s))", next.gantryId(), next.cameras().size());
    }

    private boolean start(AgentConfig config, String yaml) {
        String before = runningYaml;
        runningYaml = yaml; // what the management endpoint shows while it runs
        try {
            running = AgentRuntime.start(config, new KuraStore());
            return true;
        } catch (Exception e) {
            runningYaml = before;
            refuse(e instanceof ConfigException c ? c.errors() : List.of(e.toString()));
            return false;
        }
    }

    /** Restarts over the same stores; if the new configuration cannot start, the old one is started again. */
    private boolean restart(AgentConfig next, String yaml) {
        AgentConfig previous = running.agent().config();
        String previousYaml = runningYaml;
        running.close();
        running = null;
        if (start(next, yaml)) {
            return true;
        }
        List<String> why = lastRefusal;
        if (!start(previous, previousYaml)) {
            LOG.error("the previous configuration did not start again either: {}", String.join("; ", lastRefusal));
        }
        lastRefusal = why;
        return false;
    }

    private void refuse(List<String> errors) {
        lastRefusal = List.copyOf(errors);
        LOG.error("configuration from Kura refused ({}): {}", running == null ? "the agent is not running"
                : "still running the previous one", String.join("; ", errors));
    }

    @Deactivate
    synchronized void deactivate() {
        if (running != null) {
            running.close();
            running = null;
        }
        LOG.info("stopped");
    }

    /** The gantry.yaml equivalent of the configuration the agent runs, or null when it is not running. */
    public synchronized String runningConfiguration() {
        return running == null ? null : runningYaml;
    }

    /** Why the last configuration from Kura was refused (field by field), or empty. */
    public synchronized List<String> lastRefusal() {
        return lastRefusal;
    }

    /** Reads stored at the gantry and not yet acknowledged by the centre; -1 when not running. */
    public synchronized long queuedReads() {
        return running == null ? -1 : running.agent().outbox().stats().items();
    }

    /** Kura owns the configuration: the technicians' CoAP push is refused, pointing there. */
    private final class KuraStore implements ConfigStore {
        @Override
        public byte[] read() {
            synchronized (EdgeAgentComponent.this) {
                return runningYaml == null ? new byte[0] : runningYaml.getBytes(StandardCharsets.UTF_8);
            }
        }

        @Override
        public AgentConfig replace(byte[] yaml, ConfigFile.Applier applier) throws ConfigException, IOException {
            throw new ConfigException(List.of("this gantry is configured through Eclipse Kura: change " + PID
                    + " there (web UI, or a snapshot from 'anpr provision render --format kura')"));
        }

        @Override
        public String describe() {
            return "the Kura configuration of " + PID;
        }
    }
}
