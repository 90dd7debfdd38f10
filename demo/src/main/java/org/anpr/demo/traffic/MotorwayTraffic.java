package org.anpr.demo.traffic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.anpr.demo.traffic.DemoVehicle.Route;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.CaptureTime;
import org.anpr.ocr.Region;
import org.anpr.ocr.synth.Look;
import org.anpr.ocr.synth.PlateSyntaxSample;
import org.anpr.ocr.synth.PlateTruth;
import org.anpr.ocr.synth.SceneSpec;

/**
 * The demo's traffic model: vehicles arrive on every lane as a Poisson stream (with a minimum
 * headway, so a lane's camera shows one vehicle at a time), either on the motorway, where each
 * drives the speed section at its own speed (entry camera now, exit camera of the same lane
 * {@code distance / speed} later), or into the city past the city-entrance gantry. A share of
 * them speed, a share are wanted (their plates are put on the national hotlist before they
 * arrive), a share carry foreign plates and a share pass at night under infrared.
 */
public final class MotorwayTraffic implements AutoCloseable {
    /** Vehicles are scheduled this long before they reach their first camera (so they are rendered in time). */
    private static final long LOOKAHEAD_MICROS = 4_000_000;
    private static final String HOME_COUNTRY = "BE";
    private static final List<String> FOREIGN = PlateSyntaxSample.countries(Region.EU).stream().filter(c -> !c.equals(HOME_COUNTRY)).toList();

    /**
     * The section the motorway vehicles drive: cameras by lane (index 0 = lane 1), same lane count.
     *
     * @param limitKmh the section's speed limit
     */
    public record Section(List<ScheduledCamera> entry, List<ScheduledCamera> exit, double distanceM, double limitKmh) {
        public Section {
            if (entry.size() != exit.size() || entry.isEmpty()) {
                throw new IllegalArgumentException("entry and exit need the same number of lanes, at least one");
            }
        }
    }

    /** Puts plates on the national hotlist; returns once the centre has them. */
    public interface Hotlisting {
        void wanted(List<PlateTruth> plates) throws Exception;
    }

    private final TrafficMix mix;
    private final Section section;
    private final List<ScheduledCamera> city;
    private final Hotlisting hotlist;
    private final DeviceClock clock;
    private final SceneSpec road;
    private final long minHeadwayMicros;
    private final Random rnd;
    private final Deque<DemoVehicle> wantedPool = new ArrayDeque<>();
    private final List<DemoVehicle> vehicles = new ArrayList<>();
    private final Thread thread;
    private int nextWantedSeed;
    private volatile boolean arriving = true;
    private volatile Exception failure;

    /**
     * @param road       the look every vehicle scene starts from (size, region)
     * @param minHeadway seconds between two vehicles of one lane at least (a camera shows one at a time)
     */
    public MotorwayTraffic(TrafficMix mix, Section section, List<ScheduledCamera> city, SceneSpec road, double minHeadway,
                           Hotlisting hotlist, DeviceClock clock) {
        this.mix = mix;
        this.section = section;
        this.city = List.copyOf(city);
        this.road = road;
        this.minHeadwayMicros = Math.round(minHeadway * 1e6);
        this.hotlist = hotlist;
        this.clock = clock;
        this.rnd = new Random(mix.seed());
        this.thread = new Thread(this::run, "demo-traffic");
        this.thread.setDaemon(true);
    }

    /** Puts the first wanted plates on the hotlist, then starts the arrivals. */
    public void start() throws Exception {
        replenishWanted();
        thread.start();
    }

    /** No new vehicles from now on; those on the section still drive to its exit. */
    public void stopArrivals() {
        arriving = false;
        thread.interrupt();
    }

    /** The vehicles that arrived so far (scheduled at their first camera). */
    public synchronized List<DemoVehicle> vehicles() {
        return List.copyOf(vehicles);
    }

    /** Vehicles scheduled at a camera that has not shown them yet (mostly those driving the section). */
    public int underway() {
        int n = 0;
        for (ScheduledCamera c : section.exit()) {
            n += c.waiting();
        }
        return n;
    }

    /** Why the traffic stopped early, or null. */
    public Exception failure() {
        return failure;
    }

    private void run() {
        int lanes = section.entry().size() + city.size();
        long now = now();
        long[] nextArrival = new long[lanes];
        for (int l = 0; l < lanes; l++) {
            nextArrival[l] = now + LOOKAHEAD_MICROS + gap();
        }
        try {
            while (arriving) {
                int lane = 0;
                for (int l = 1; l < lanes; l++) {
                    if (nextArrival[l] < nextArrival[lane]) {
                        lane = l;
                    }
                }
                long sleepMicros = nextArrival[lane] - LOOKAHEAD_MICROS - now();
                if (sleepMicros > 0) {
                    Thread.sleep(sleepMicros / 1000, (int) (sleepMicros % 1000) * 1000);
                }
                if (!arriving) {
                    return;
                }
                arrive(lane, nextArrival[lane]);
                nextArrival[lane] += gap();
            }
        } catch (InterruptedException e) {
            // stopArrivals
        } catch (Exception e) {
            failure = e;
        }
    }

    private void arrive(int laneIndex, long atMicros) throws Exception {
        boolean motorway = laneIndex < section.entry().size();
        DemoVehicle v = wanted();
        boolean speeder = motorway && rnd.nextDouble() < mix.speederShare();
        double speed = speeder ? section.limitKmh() * (1.17 + 0.23 * rnd.nextDouble())
                : section.limitKmh() * (0.70 + 0.27 * rnd.nextDouble());
        int lane = motorway ? laneIndex + 1 : laneIndex - section.entry().size() + 1;
        Route route = motorway ? Route.SECTION : Route.CITY;
        synchronized (this) { // only this thread adds: the id is the count so far
            int id = vehicles.size();
            v = v != null ? new DemoVehicle(id, v.scene(), route, lane, motorway ? speed : 0, true, v.plate())
                    : new DemoVehicle(id, scene(mix.seed() * 1_000_003L + id), route, lane, motorway ? speed : 0, false, null);
            vehicles.add(v);
        }
        if (motorway) {
            section.entry().get(laneIndex).schedule(v, atMicros);
            long driveMicros = Math.round(section.distanceM() / (speed / 3.6) * 1e6);
            section.exit().get(laneIndex).schedule(v, atMicros + driveMicros);
        } else {
            city.get(laneIndex - section.entry().size()).schedule(v, atMicros);
        }
    }

    /** A wanted vehicle for this arrival (by the mix's share), or null. */
    private DemoVehicle wanted() throws Exception {
        if (rnd.nextDouble() >= mix.wantedShare()) {
            return null;
        }
        if (wantedPool.size() < 3) {
            replenishWanted();
        }
        return wantedPool.poll();
    }

    /** Eight more wanted vehicles, rendered once to learn their plates, put on the hotlist. */
    private void replenishWanted() throws Exception {
        List<DemoVehicle> fresh = new ArrayList<>();
        List<PlateTruth> plates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            SceneSpec spec = scene(-(mix.seed() * 7_919L + 1_000_000L + nextWantedSeed++));
            PlateTruth plate = ScheduledCamera.scene(spec).plates().get(0);
            plates.add(plate);
            fresh.add(new DemoVehicle(-1, spec, Route.CITY, 0, 0, true, plate.text()));
        }
        hotlist.wanted(plates);
        wantedPool.addAll(fresh);
    }

    private SceneSpec scene(long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed); // mixes neighbouring seeds, unlike Random
        String country = r.nextDouble() < mix.foreignShare() ? FOREIGN.get(r.nextInt(FOREIGN.size())) : HOME_COUNTRY;
        Look look = r.nextDouble() < mix.nightShare() ? Look.IR_NIGHT : Look.DAY;
        return road.toBuilder().region(Region.EU).country(country).look(look).vehicles(1).seed(seed).build();
    }

    /** Time to the lane's next arrival: exponential with the mix's rate, never below the headway. */
    private long gap() {
        double meanMicros = 60e6 / mix.vehiclesPerMinutePerLane();
        return minHeadwayMicros + Math.round(-Math.log(1 - rnd.nextDouble()) * Math.max(0, meanMicros - minHeadwayMicros));
    }

    private long now() {
        return CaptureTime.micros(clock, clock.monotonicNanos());
    }

    @Override
    public void close() throws InterruptedException {
        stopArrivals();
        thread.join(5_000);
    }
}
