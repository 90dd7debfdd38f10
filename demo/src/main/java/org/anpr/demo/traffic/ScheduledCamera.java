package org.anpr.demo.traffic;

import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.CaptureTime;
import org.anpr.edge.capture.Frame;
import org.anpr.edge.capture.FrameSource;
import org.anpr.edge.capture.SourceStats;
import org.anpr.edge.capture.synthetic.SyntheticTrafficSource;
import org.anpr.ocr.synth.PlateTruth;
import org.anpr.ocr.synth.Scene;
import org.anpr.ocr.synth.SceneGenerator;
import org.anpr.ocr.synth.SceneSpec;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A live camera over one lane whose vehicles come on a schedule: the traffic model says when each
 * vehicle reaches this gantry, and the camera shows it then, for {@code framesPerVehicle} frames
 * moving down the picture, and empty road in between. A vehicle due while another is in view
 * waits until the lane is clear (two vehicles never share a lane's frame). Vehicles are rendered
 * shortly before they are due on a shared render pool, so the capture thread keeps its frame rate.
 * Each vehicle shown is reported as a {@link Sighting} with the capture times of its frames.
 */
public final class ScheduledCamera implements FrameSource {
    private static final SceneGenerator GENERATOR = new SceneGenerator();
    /** How far ahead of its time a vehicle is rendered. */
    private static final long RENDER_AHEAD_MICROS = 3_000_000;
    /** A vehicle this late (the lane was busy, or no frames were taken) went by unseen. */
    private static final long MISSED_AFTER_MICROS = 5_000_000;

    private record Rendered(Mat image, PlateTruth plate) {
    }

    private static final class Pass {
        final DemoVehicle vehicle;
        final long dueMicros;
        CompletableFuture<Rendered> image;

        Pass(DemoVehicle vehicle, long dueMicros) {
            this.vehicle = vehicle;
            this.dueMicros = dueMicros;
        }
    }

    private final String gantryId;
    private final String cameraId;
    private final double fps;
    private final int framesPerVehicle;
    private final int pixelsPerFrame;
    private final DeviceClock clock;
    private final ExecutorService renderPool;
    private final Consumer<Sighting> sightings;
    private final PriorityQueue<Pass> due = new PriorityQueue<>((a, b) -> Long.compare(a.dueMicros, b.dueMicros));
    private final Mat emptyRoad;
    private volatile long anchorNanos; // one capture thread at a time (a lease ends before the next begins)
    private Pass showing;
    private Rendered shown;
    private int frameOfVehicle;
    private long firstMicros;
    private volatile long frames;
    private long missed;
    private volatile boolean closed;

    /**
     * @param road the look of the empty road (size, region); its vehicle count is ignored
     */
    public ScheduledCamera(String gantryId, String cameraId, double fps, int framesPerVehicle, SceneSpec road, DeviceClock clock,
                           ExecutorService renderPool, Consumer<Sighting> sightings) {
        this.gantryId = gantryId;
        this.cameraId = cameraId;
        this.fps = fps;
        this.framesPerVehicle = framesPerVehicle;
        this.pixelsPerFrame = Math.max(1, road.height() / 120);
        this.clock = clock;
        this.renderPool = renderPool;
        this.sightings = sightings;
        this.emptyRoad = GENERATOR.render(road.toBuilder().vehicles(0).build()).toMat();
        this.anchorNanos = clock.monotonicNanos();
    }

    @Override
    public String cameraId() {
        return cameraId;
    }

    /** The vehicle reaches this camera at {@code dueMicros} (UTC micros). */
    public synchronized void schedule(DemoVehicle vehicle, long dueMicros) {
        due.add(new Pass(vehicle, dueMicros));
    }

    /** Vehicles scheduled and not yet shown completely. */
    public synchronized int waiting() {
        return due.size() + (showing != null ? 1 : 0);
    }

    /** Vehicles that went by while the camera was not taking frames. */
    public synchronized long missed() {
        return missed;
    }

    /**
     * A view of this camera for one run of a gantry: closing it ends that gantry's capture while the
     * camera (and the traffic scheduled on it) goes on, so a restarted gantry takes frames again.
     */
    public FrameSource lease() {
        return new FrameSource() {
            private volatile boolean ended;

            @Override
            public String cameraId() {
                return cameraId;
            }

            @Override
            public Frame next() throws InterruptedException {
                return ended ? null : ScheduledCamera.this.next();
            }

            @Override
            public SourceStats stats() {
                return ScheduledCamera.this.stats();
            }

            @Override
            public void close() {
                ended = true;
            }
        };
    }

    @Override
    public Frame next() throws InterruptedException {
        long seq = frames;
        long dueNanos = anchorNanos + Math.round(seq * 1e9 / fps);
        long lateNanos = clock.monotonicNanos() - dueNanos;
        if (lateNanos > 1e9 / fps) { // nobody took frames for a while (a gantry restarting): no burst to catch up
            anchorNanos += lateNanos;
        } else if (lateNanos < 0) {
            Thread.sleep(-lateNanos / 1_000_000, (int) (-lateNanos % 1_000_000));
        }
        long mono = clock.monotonicNanos();
        long micros = CaptureTime.micros(clock, mono);
        Mat image;
        synchronized (this) { // close() on another thread frees the images
            if (closed) {
                return null;
            }
            renderSoon(micros);
            if (showing == null) {
                begin(micros);
            }
            if (showing != null) {
                image = SyntheticTrafficSource.shifted(shown.image(), (frameOfVehicle - framesPerVehicle / 2) * pixelsPerFrame);
                if (frameOfVehicle == 0) {
                    firstMicros = micros;
                }
                if (++frameOfVehicle == framesPerVehicle) {
                    end(micros);
                }
            } else {
                image = emptyRoad.clone();
            }
        }
        frames = seq + 1;
        return Frame.ofMat(cameraId, seq, micros, mono, image);
    }

    /**
     * Starts the next vehicle if it is due and rendered. One due long ago went by while nobody took
     * frames (the gantry was down): it is not shown late, which would fake its timing, but missed.
     */
    private void begin(long nowMicros) {
        Pass next;
        while ((next = due.peek()) != null && nowMicros - next.dueMicros > MISSED_AFTER_MICROS) {
            due.poll();
            missed++;
            if (next.image != null) {
                next.image.thenAccept(r -> r.image().close());
            }
        }
        if (next == null || next.dueMicros > nowMicros || next.image == null || !next.image.isDone()) {
            return;
        }
        due.poll();
        showing = next;
        shown = next.image.join();
        frameOfVehicle = 0;
    }

    private void end(long lastMicros) {
        PlateTruth p = shown.plate();
        sightings.accept(new Sighting(showing.vehicle, gantryId, cameraId, p.text(), p.country(), firstMicros, lastMicros));
        shown.image().close();
        showing = null;
        shown = null;
    }

    private void renderSoon(long nowMicros) {
        for (Pass p : due) {
            if (p.image == null && p.dueMicros - nowMicros <= RENDER_AHEAD_MICROS) {
                SceneSpec spec = p.vehicle.scene();
                p.image = CompletableFuture.supplyAsync(() -> render(spec), renderPool);
            }
        }
    }

    /** The vehicle's picture and plate: the same spec always gives the same plate. */
    static Scene scene(SceneSpec spec) {
        return GENERATOR.render(spec.toBuilder().vehicles(1).build());
    }

    private static Rendered render(SceneSpec spec) {
        Scene s = scene(spec);
        return new Rendered(s.toMat(), s.plates().get(0));
    }

    @Override
    public SourceStats stats() {
        return new SourceStats(frames, 1, 0, 0, 0, 0);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (shown != null) {
                shown.image().close();
            }
            for (Pass p : due) {
                if (p.image != null) {
                    p.image.thenAccept(r -> r.image().close());
                }
            }
            due.clear();
            emptyRoad.close();
        }
    }
}
