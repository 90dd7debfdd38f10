package org.anpr.demo.network;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.anpr.demo.traffic.ScheduledCamera;
import org.anpr.edge.capture.FrameSource;
import org.anpr.edge.config.CameraConfig;
import org.anpr.edge.frames.metrics.PipelineSnapshot;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.pipeline.CameraRig;
import org.anpr.edge.pipeline.EdgeAgent;
import org.anpr.protocol.ProtocolException;
import org.anpr.protocol.v1.ClockSync;

/**
 * One gantry of the demo, as the standalone agent runs it: its configuration, a {@link CameraRig}
 * over the demo's scheduled cameras (one per configured camera, in its order), and the real
 * {@link EdgeAgent} with its outbox, hotlist, section timer and MQTT link.
 */
public final class DemoGantry implements AutoCloseable {
    /**
     * The three gantries run on this machine and share its clock: the reads are stamped as
     * synchronised, with a 2 ms error estimate (what chrony reports for a LAN time server), so
     * the section's violations are enforceable as on a real network with good time.
     */
    static final HealthProbe SHARED_CLOCK = new HealthProbe() {
        @Override
        public ClockSync clockSync() {
            return ClockSync.CLOCK_SYNC_SYNCHRONISED;
        }

        @Override
        public long clockErrorMicros() {
            return 2_000;
        }
    };

    private final DemoNetwork.Gantry spec;
    private final List<ScheduledCamera> cameras;
    private final CameraRig rig;
    private final EdgeAgent agent;

    private DemoGantry(DemoNetwork.Gantry spec, List<ScheduledCamera> cameras, CameraRig rig, EdgeAgent agent) {
        this.spec = spec;
        this.cameras = cameras;
        this.rig = rig;
        this.agent = agent;
    }

    /** Starts the agent and its capture; {@code camera} makes the camera of each {@code cameras[]} entry. */
    public static DemoGantry start(DemoNetwork.Gantry spec, Function<CameraConfig, ScheduledCamera> camera)
            throws SQLException, ProtocolException {
        List<ScheduledCamera> cameras = new ArrayList<>();
        for (CameraConfig c : spec.config().cameras()) {
            cameras.add(camera.apply(c));
        }
        CameraRig rig = CameraRig.of(spec.config(), List.<FrameSource>copyOf(cameras), SHARED_CLOCK);
        EdgeAgent agent;
        try {
            agent = EdgeAgent.start(spec.config(), rig);
        } catch (SQLException | ProtocolException | RuntimeException e) {
            rig.close();
            throw e;
        }
        rig.attachTo(agent);
        return new DemoGantry(spec, List.copyOf(cameras), rig, agent);
    }

    public String id() {
        return spec.id();
    }

    /** The cameras by lane order of the configuration. */
    public List<ScheduledCamera> cameras() {
        return cameras;
    }

    public EdgeAgent agent() {
        return agent;
    }

    /** The frame pipeline's counters, or null before capture started. */
    public PipelineSnapshot pipeline() {
        return rig.snapshot();
    }

    /** Frames dropped or discarded as stale because recognition fell behind. */
    public long framesDropped() {
        return rig.framesDropped();
    }

    /** Vehicles that went by while this gantry's cameras were not taking frames. */
    public long missed() {
        return cameras.stream().mapToLong(ScheduledCamera::missed).sum();
    }

    /** Stops capture and lets the last passages reach the outbox; true when it finished within {@code grace}. */
    public boolean stopCapture(Duration grace) throws InterruptedException {
        return rig.stop(grace);
    }

    @Override
    public void close() throws SQLException {
        try {
            rig.close();
        } finally {
            agent.close();
        }
    }
}
