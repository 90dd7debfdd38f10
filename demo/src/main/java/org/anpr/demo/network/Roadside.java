package org.anpr.demo.network;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.anpr.demo.traffic.MotorwayTraffic;
import org.anpr.demo.traffic.ScheduledCamera;
import org.anpr.demo.traffic.Sighting;
import org.anpr.demo.traffic.TrafficMix;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.config.CameraConfig;
import org.anpr.edge.section.SectionDefinition;
import org.anpr.protocol.ProtocolException;
import org.anpr.ocr.synth.SceneSpec;

/**
 * Everything beside the road: the network's gantries, a scheduled camera per lane, and the traffic
 * model driving vehicles past them. Cameras and traffic outlive a gantry, so one can be stopped
 * and {@linkplain #restart restarted} while the vehicles keep coming.
 */
public final class Roadside implements AutoCloseable {
    /** Frames a vehicle is in view for. */
    public static final int FRAMES_PER_VEHICLE = 3;

    private final DemoNetwork network;
    private final List<DemoGantry> gantries;
    private final List<List<ScheduledCamera>> cameras;
    private final MotorwayTraffic traffic;
    private final ExecutorService renderPool;

    private Roadside(DemoNetwork network, List<DemoGantry> gantries, List<List<ScheduledCamera>> cameras, MotorwayTraffic traffic,
                     ExecutorService renderPool) {
        this.network = network;
        this.gantries = gantries;
        this.cameras = cameras;
        this.traffic = traffic;
        this.renderPool = renderPool;
    }

    /**
     * Starts every gantry of {@code network}, then the traffic (which puts the first wanted plates
     * on the hotlist before any vehicle arrives).
     */
    public static Roadside start(DemoNetwork network, TrafficMix mix, double fps, MotorwayTraffic.Hotlisting hotlist,
                                 Consumer<Sighting> sightings, Consumer<String> progress) throws Exception {
        return start(network, mix, fps, hotlist, sightings, DemoGantry.Witness.NONE, progress);
    }

    /** As above, telling {@code witness} what every gantry makes. */
    public static Roadside start(DemoNetwork network, TrafficMix mix, double fps, MotorwayTraffic.Hotlisting hotlist,
                                 Consumer<Sighting> sightings, DemoGantry.Witness witness, Consumer<String> progress) throws Exception {
        ExecutorService renderPool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "demo-render");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        SceneSpec road = SceneSpec.builder().size(1280, 720).seed(mix.seed()).build();
        List<DemoGantry> gantries = new ArrayList<>();
        List<List<ScheduledCamera>> cameras = new ArrayList<>();
        try {
            for (DemoNetwork.Gantry g : network.gantries()) {
                progress.accept("starting gantry " + g.id() + " (" + g.config().cameras().size() + " cameras)");
                List<ScheduledCamera> mine = new ArrayList<>();
                for (CameraConfig c : g.config().cameras()) {
                    mine.add(new ScheduledCamera(g.id(), c.id(), fps, FRAMES_PER_VEHICLE, road.withSeed(mix.seed() + c.lane()),
                            DeviceClock.system(), renderPool, sightings));
                }
                cameras.add(mine);
                gantries.add(DemoGantry.start(g, mine, witness));
            }
            SectionDefinition s = network.section();
            int entry = index(network, s.entryGantryId());
            int exit = index(network, s.exitGantryId());
            int city = 0;
            while (city == entry || city == exit) {
                city++;
            }
            MotorwayTraffic traffic = new MotorwayTraffic(mix,
                    new MotorwayTraffic.Section(cameras.get(entry), cameras.get(exit), s.distanceM(), s.speedLimitKmh()),
                    cameras.get(city), road, (FRAMES_PER_VEHICLE + 3) / fps, hotlist, DeviceClock.system());
            traffic.start();
            return new Roadside(network, gantries, cameras, traffic, renderPool);
        } catch (Exception e) {
            for (DemoGantry g : gantries) {
                g.close();
            }
            cameras.forEach(list -> list.forEach(ScheduledCamera::close));
            renderPool.shutdownNow();
            throw e;
        }
    }

    private static int index(DemoNetwork network, String id) {
        for (int i = 0; i < network.gantries().size(); i++) {
            if (network.gantries().get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalStateException("the section's gantry " + id + " is not in the network");
    }

    public synchronized List<DemoGantry> gantries() {
        return List.copyOf(gantries);
    }

    public synchronized DemoGantry gantry(String id) {
        return gantries.get(index(network, id));
    }

    public MotorwayTraffic traffic() {
        return traffic;
    }

    /**
     * Stops a gantry (its capture and agent: passages being assembled are lost, as on a power cut,
     * while what reached its outbox stays there) and starts it again on the same storage.
     *
     * @param down how long it stays down; vehicles passing meanwhile are missed
     */
    public void restart(String gantryId, Duration down) throws SQLException, ProtocolException, InterruptedException {
        int i = index(network, gantryId);
        DemoGantry old;
        synchronized (this) {
            old = gantries.get(i);
        }
        old.close();
        Thread.sleep(down.toMillis());
        DemoGantry fresh = old.restarted();
        synchronized (this) {
            gantries.set(i, fresh);
        }
    }

    /** Frames dropped under load over every gantry (since their last start). */
    public long framesDropped() {
        return gantries().stream().mapToLong(DemoGantry::framesDropped).sum();
    }

    /** Messages in the gantries' outboxes, not yet acknowledged by the centre. */
    public long backlog() {
        return gantries().stream().mapToLong(g -> g.agent().outbox().stats().items()).sum();
    }

    /** Stops capture everywhere (the last passages reach the outboxes); the agents keep reporting. */
    public void stopCapture(Duration grace) throws InterruptedException {
        for (DemoGantry g : gantries()) {
            g.stopCapture(grace);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            traffic.close();
            for (DemoGantry g : gantries()) {
                g.close();
            }
        } finally {
            cameras.forEach(list -> list.forEach(ScheduledCamera::close));
            renderPool.shutdownNow();
            renderPool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
