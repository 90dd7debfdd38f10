package org.anpr.edge.capture.synthetic;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.CaptureTime;
import org.anpr.edge.capture.Frame;
import org.anpr.edge.capture.FrameSource;
import org.anpr.edge.capture.Pacer;
import org.anpr.edge.capture.Pacing;
import org.anpr.edge.capture.SourceStats;
import org.anpr.ocr.synth.PlateTruth;
import org.anpr.ocr.synth.Scene;
import org.anpr.ocr.synth.SceneGenerator;
import org.anpr.ocr.synth.SceneSpec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.javacpp.indexer.DoubleIndexer;

/**
 * Traffic from the project's scene generator, for tests, the demo and load runs. Each vehicle is
 * rendered once (its own seed, so its own plate) on a background thread, one vehicle ahead; its
 * frames are that image shifted a few pixels further down each frame (the vehicle approaching),
 * so consecutive frames differ like a camera's do and the aggregator has several reads to vote
 * over. Frames are decoded Mats owned by the caller. The ground truth of every vehicle emitted so
 * far is in {@link #truths()}.
 */
public final class SyntheticTrafficSource implements FrameSource {
    private static final SceneGenerator GENERATOR = new SceneGenerator();

    private record Rendered(Mat image, PlateTruth plate) {
    }

    private final SyntheticTrafficConfig config;
    private final DeviceClock clock;
    private final Pacer pacer;
    private final ExecutorService renderer;
    private final BlockingQueue<Rendered> ahead = new ArrayBlockingQueue<>(1);
    private final Mat emptyRoad;
    private final List<VehicleTruth> truths = new ArrayList<>();
    private final long startNanos;
    private Rendered current;
    private int vehicle = -1;
    private int frameInCycle;
    private volatile long frames;
    private volatile boolean closed;

    public SyntheticTrafficSource(SyntheticTrafficConfig config, DeviceClock clock) {
        this.config = config;
        this.clock = clock;
        this.pacer = new Pacer(config.pacing());
        this.startNanos = clock.monotonicNanos();
        this.emptyRoad = config.gapFrames() > 0 ? render(config.scene().toBuilder().vehicles(0).build()).image() : null;
        this.renderer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "synthetic-render-" + config.cameraId());
            t.setDaemon(true);
            return t;
        });
        renderer.execute(this::renderAhead);
    }

    @Override
    public boolean lossless() {
        return pacer.unpaced();
    }

    @Override
    public String cameraId() {
        return config.cameraId();
    }

    /** Ends after its configured number of vehicles; runs for ever with none configured. */
    @Override
    public boolean finite() {
        return config.vehicles() > 0;
    }

    /** Ground truth of the vehicles emitted so far, in order. */
    public synchronized List<VehicleTruth> truths() {
        return List.copyOf(truths);
    }

    @Override
    public Frame next() throws InterruptedException {
        int cycle = config.framesPerVehicle() + config.gapFrames();
        if (frameInCycle == 0) {
            if (config.vehicles() > 0 && vehicle + 1 >= config.vehicles()) {
                return null;
            }
            Rendered next = null;
            while (!closed && next == null) {
                next = ahead.poll(50, TimeUnit.MILLISECONDS);
            }
            if (next == null) {
                return null;
            }
            synchronized (this) {
                if (current != null) {
                    current.image().close();
                }
                current = next;
                vehicle++;
            }
        }
        long seq = frames;
        long virtualNanos = startNanos + Math.round(seq * 1e9 / config.fps());
        pacer.await(virtualNanos / 1000);
        long mono = config.pacing() == Pacing.REALTIME ? clock.monotonicNanos() : virtualNanos;
        long micros = CaptureTime.micros(clock, mono);
        int i = frameInCycle;
        Mat image;
        synchronized (this) { // close() on another thread frees the rendered images
            if (closed) {
                return null;
            }
            if (i < config.framesPerVehicle()) {
                image = shifted(current.image(), (i - config.framesPerVehicle() / 2) * config.pixelsPerFrame());
                record(i, micros, seq);
            } else {
                image = emptyRoad.clone();
            }
        }
        frameInCycle = (i + 1) % cycle;
        frames = seq + 1;
        return Frame.ofMat(config.cameraId(), seq, micros, mono, image);
    }

    private void record(int frameOfVehicle, long micros, long seq) {
        if (frameOfVehicle == 0) {
            PlateTruth p = current.plate();
            truths.add(new VehicleTruth(vehicle, p.text(), p.country(), seq, 1, micros, micros));
        } else {
            int last = truths.size() - 1;
            truths.set(last, truths.get(last).plusFrame(micros));
        }
    }

    /** The scene of vehicle {@code v}: its seed picks the plate text, spread so neighbours differ. */
    private static SceneSpec vehicleScene(SyntheticTrafficConfig config, int v) {
        return config.scene().toBuilder().vehicles(1).seed(config.scene().seed() * 1_000_003L + v).build();
    }

    /**
     * The plate text vehicle {@code v} of this traffic will show, known before it drives by (the
     * demo puts one on the hotlist ahead of time). Renders the vehicle once.
     */
    public static String plateOf(SyntheticTrafficConfig config, int v) {
        Rendered r = render(vehicleScene(config, v));
        r.image().close();
        return r.plate().text();
    }

    private void renderAhead() {
        try {
            for (int v = 0; !closed && (config.vehicles() == 0 || v < config.vehicles()); v++) {
                Rendered r = render(vehicleScene(config, v));
                while (!ahead.offer(r, 50, TimeUnit.MILLISECONDS)) {
                    if (closed) {
                        r.image().close();
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Rendered render(SceneSpec spec) {
        Scene s = GENERATOR.render(spec);
        return new Rendered(s.toMat(), s.plates().isEmpty() ? null : s.plates().get(0));
    }

    /**
     * The image moved down by {@code dy} pixels (edges repeated); a new Mat the caller owns. A
     * vehicle approaching the camera, frame by frame.
     */
    public static Mat shifted(Mat src, int dy) {
        Mat out = new Mat();
        try (Mat m = new Mat(2, 3, CV_64F); DoubleIndexer idx = m.createIndexer(); Scalar border = new Scalar(0.0);
             Size size = src.size()) {
            idx.put(0, 0, 1).put(0, 1, 0).put(0, 2, 0).put(1, 0, 0).put(1, 1, 1).put(1, 2, dy);
            warpAffine(src, out, m, size, INTER_LINEAR, BORDER_REPLICATE, border);
        }
        return out;
    }

    @Override
    public SourceStats stats() {
        return new SourceStats(frames, 1, 0, 0, 0, 0);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        renderer.shutdownNow();
        try {
            renderer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Rendered r;
        while ((r = ahead.poll()) != null) {
            r.image().close();
        }
        synchronized (this) { // next() may still run on the capture thread; it checks closed
            if (current != null) {
                current.image().close();
                current = null;
            }
            if (emptyRoad != null) {
                emptyRoad.close();
            }
        }
    }
}
