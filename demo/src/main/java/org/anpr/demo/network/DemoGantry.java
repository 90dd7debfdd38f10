package org.anpr.demo.network;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.anpr.demo.traffic.ScheduledCamera;
import org.anpr.edge.capture.FrameSource;
import org.anpr.edge.frames.metrics.PipelineSnapshot;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.edge.pipeline.CameraRig;
import org.anpr.edge.pipeline.EdgeAgent;
import org.anpr.protocol.ProtocolException;

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
    static final HealthProbe SHARED_CLOCK = HealthProbe.synchronisedClock(0, 2_000);

    private final DemoNetwork.Gantry spec;
    private final List<ScheduledCamera> cameras;
    private final CameraRig rig;
    private final EdgeAgent agent;
    private final Witness witness;

    private DemoGantry(DemoNetwork.Gantry spec, List<ScheduledCamera> cameras, CameraRig rig, EdgeAgent agent, Witness witness) {
        this.witness = witness;
        this.spec = spec;
        this.cameras = cameras;
        this.rig = rig;
        this.agent = agent;
    }

    /**
     * Starts the agent and its capture over {@code cameras} (one per {@code cameras[]} entry, in its
     * order). The cameras outlive the gantry: a restarted gantry takes frames from them again.
     */
    public static DemoGantry start(DemoNetwork.Gantry spec, List<ScheduledCamera> cameras) throws SQLException, ProtocolException {
        return start(spec, cameras, Witness.NONE);
    }

    /** What a gantry made, told as it happens (the fault run's bookkeeping). */
    public interface Witness {
        Witness NONE = new Witness() {
        };

        /** A read, durable in the gantry's outbox. */
        default void stored(org.anpr.protocol.v1.PlateRead read) {
        }

        /** An alert the gantry raised. */
        default void alerted(org.anpr.protocol.v1.HotlistAlert alert) {
        }
    }

    /** As {@link #start(DemoNetwork.Gantry, List)}, telling {@code witness} what the gantry makes. */
    public static DemoGantry start(DemoNetwork.Gantry spec, List<ScheduledCamera> cameras, Witness witness)
            throws SQLException, ProtocolException {
        List<FrameSource> leases = new ArrayList<>();
        for (ScheduledCamera c : cameras) {
            leases.add(c.lease());
        }
        CameraRig rig = CameraRig.of(spec.config(), leases, SHARED_CLOCK);
        EdgeAgent agent;
        try {
            agent = EdgeAgent.start(spec.config(), rig);
        } catch (SQLException | ProtocolException | RuntimeException e) {
            rig.close();
            throw e;
        }
        agent.onAlert(witness::alerted);
        agent.onStored(witness::stored);
        rig.attachTo(agent);
        return new DemoGantry(spec, List.copyOf(cameras), rig, agent, witness);
    }

    /** The same gantry started again on its configuration, storage and cameras (after {@link #close}). */
    public DemoGantry restarted() throws SQLException, ProtocolException {
        return start(spec, cameras, witness);
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
