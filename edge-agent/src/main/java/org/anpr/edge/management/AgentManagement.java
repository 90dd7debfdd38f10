package org.anpr.edge.management;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.anpr.device.coap.api.ClockInfo;
import org.anpr.device.coap.api.ConfigResult;
import org.anpr.device.coap.api.GantryManagement;
import org.anpr.device.coap.api.GantryStatus;
import org.anpr.device.coap.api.GpioSelfTest;
import org.anpr.device.coap.api.HotlistInfo;
import org.anpr.device.coap.api.TestCapture;
import org.anpr.device.coap.server.ManagementServer;
import org.anpr.device.coap.server.ManagementServerConfig;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.config.ConfigStore;
import org.anpr.edge.config.ManagementSettings;
import org.anpr.edge.frames.TestShotTap;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.pipeline.CameraRig;
import org.anpr.edge.pipeline.EdgeAgent;
import org.anpr.protocol.v1.ClockSync;

/**
 * What the technician's CoAP tool sees of a running agent ({@code device-drivers}' management
 * resources call into this). What GET /config returns has every secret redacted
 * ({@link SecretRedaction}); a PUT that sends the placeholder back keeps the secret. A configuration
 * PUT is validated exactly as at start, applied with
 * {@link EdgeAgent#reconfigure} (queued data kept) and only then written over the gantry's file,
 * atomically, so the file always holds a configuration that was accepted.
 */
public final class AgentManagement implements GantryManagement {
    private static final Duration SHOT_TIMEOUT = Duration.ofSeconds(5);

    private final EdgeAgent agent;
    private final CameraRig rig;
    private final HealthProbe health;
    private final ConfigStore configFile;
    private final String clockSource;
    private final GpioSelfTester gpio;

    /**
     * @param configFile the gantry.yaml the agent was started from (accepted configurations replace it), or
     *                   the Kura component's store (which refuses them)
     * @param gpio       the loopback self-test behind {@code /test/gpio}
     */
    public AgentManagement(EdgeAgent agent, CameraRig rig, HealthProbe health, ConfigStore configFile, GpioSelfTester gpio) {
        this.agent = agent;
        this.rig = rig;
        this.health = health;
        this.configFile = configFile;
        this.clockSource = agent.config().clockSource();
        this.gpio = gpio;
    }

    /**
     * Starts the CoAP/DTLS management server for a running agent, as configured.
     *
     * @param gpio the self-test behind {@code /test/gpio}, usually {@link GpioSelfTester#forGantry}
     */
    public static ManagementServer serve(EdgeAgent agent, CameraRig rig, HealthProbe health, ConfigStore configFile,
                                         ManagementSettings settings, GpioSelfTester gpio) {
        ManagementServerConfig config = ManagementServerConfig.defaults()
                .withBind(new InetSocketAddress(settings.bind(), settings.port()));
        return new ManagementServer(new AgentManagement(agent, rig, health, configFile, gpio), settings.accepted(), config)
                .start();
    }

    @Override
    public GantryStatus status() {
        List<String> faults = new ArrayList<>();
        if (!agent.reporter().isConnected()) {
            faults.add("mqtt:DISCONNECTED");
        }
        if (agent.storageFailing()) {
            faults.add("disk:FULL");
        }
        ClockSync sync = health.clockSync();
        if (sync != ClockSync.CLOCK_SYNC_SYNCHRONISED) {
            faults.add("clock:" + sync.name().substring("CLOCK_SYNC_".length()));
        }
        if (rig.framesDropped() > 0) {
            faults.add("frames:DROPPED_" + rig.framesDropped());
        }
        GantryStatus.Health h = faults.isEmpty() ? GantryStatus.Health.OK : GantryStatus.Health.DEGRADED;
        Double temperature = health.temperatureC().isPresent() ? health.temperatureC().getAsDouble() : null;
        return new GantryStatus(agent.config().gantryId(), h, agent.metrics().uptimeSeconds(), false, temperature,
                faults, agent.outbox().stats().items());
    }

    @Override
    public byte[] config() {
        try {
            return SecretRedaction.redact(configFile.read());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + configFile.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ConfigResult applyConfig(byte[] yaml) {
        try {
            configFile.replace(SecretRedaction.restore(yaml, configFile.read()), agent::reconfigure);
            return ConfigResult.accepted();
        } catch (ConfigException e) {
            return ConfigResult.rejected(String.join("; ", e.errors()));
        } catch (IOException e) {
            return ConfigResult.rejected("cannot store the configuration on the gantry: " + e.getMessage());
        }
    }

    @Override
    public HotlistInfo hotlistInfo() {
        return new HotlistInfo(agent.hotlist().version(), agent.hotlist().size(), agent.hotlist().updatedAtMillis());
    }

    @Override
    public ClockInfo clock() {
        return new ClockInfo(health.clockSync() == ClockSync.CLOCK_SYNC_SYNCHRONISED, clockSource,
                health.clockOffsetMicros() / 1000.0, health.clockErrorMicros() / 1000.0);
    }

    @Override
    public TestCapture testCapture() {
        try {
            TestShotTap.TestShot shot = rig.testShot(SHOT_TIMEOUT);
            List<TestCapture.PlateCandidate> read = shot.candidates().stream()
                    .map(c -> new TestCapture.PlateCandidate(c.text(), c.country(), c.confidence())).toList();
            return new TestCapture(shot.jpeg(), read, shot.captureMicros());
        } catch (TimeoutException e) {
            throw new IllegalStateException("no frame within " + SHOT_TIMEOUT.toSeconds() + " s"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public GpioSelfTest gpioSelfTest() {
        return gpio.run();
    }
}
