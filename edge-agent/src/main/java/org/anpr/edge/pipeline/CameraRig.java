package org.anpr.edge.pipeline;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeoutException;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.FrameSource;
import org.anpr.edge.capture.FrameSources;
import org.anpr.edge.config.AgentConfig;
import org.anpr.edge.config.CameraConfig;
import org.anpr.edge.config.ConfigException;
import org.anpr.edge.frames.FramePipeline;
import org.anpr.edge.frames.PipelineConfig;
import org.anpr.edge.frames.TestShotTap;
import org.anpr.edge.frames.metrics.PipelineSnapshot;
import org.anpr.edge.frames.wire.PipelineReadSource;
import org.anpr.edge.frames.wire.PlateReadMapper;
import org.anpr.edge.metrics.HealthProbe;
import org.anpr.ocr.PlateRecognizer;
import org.anpr.ocr.RecognizerConfig;
import org.anpr.protocol.v1.ClockSync;

/**
 * The capture side of a gantry, built from its configuration: every {@code cameras[]} source
 * opened, one {@link PlateRecognizer} for the configured region, one {@link FramePipeline} over
 * all cameras, and the passage reads handed to an {@link EdgeAgent}. It also is the agent's
 * {@link HealthProbe} for the frame counters, so the status heartbeat reports real fps and drops.
 *
 * <p>Order of use: {@link #open} (sources opened, nothing running), {@code EdgeAgent.start(config,
 * rig)}, {@link #attachTo} (frames start flowing), {@link #close} before the agent's close so the
 * last passages still reach the outbox.
 */
public final class CameraRig implements HealthProbe, AutoCloseable {
    /** Sent with every read so the centre knows which recogniser produced it. */
    public static final String ENGINE_VERSION = "anpr-ocr/0.2.0";

    private final List<FrameSource> sources;
    private final PlateRecognizer recognizer;
    private final PipelineReadSource reads;
    private final HealthProbe host;
    private long sampledAtNanos = System.nanoTime(); // these three: under framesPerSecond's lock
    private long sampledFrames;
    private float fps;
    private volatile TestShotTap shots;

    private CameraRig(AgentConfig config, List<FrameSource> sources, HealthProbe host) {
        this.sources = sources;
        this.host = host;
        this.recognizer = new PlateRecognizer(RecognizerConfig.builder()
                .region(config.recognition().region())
                .workerThreads(config.recognition().workers())
                .readers(config.recognition().readers())
                .neuralModel(config.recognition().neuralModel())
                .build());
        PlateReadMapper mapper = new PlateReadMapper(config.gantryId(), ENGINE_VERSION,
                () -> new PlateReadMapper.ClockQuality(host.clockSync(), clockError(host)));
        PipelineConfig pipelineConfig = PipelineConfig.withWorkers(config.recognition().workers()).withEvidence(config.evidence());
        List<CameraConfig> cameras = config.cameras();
        this.reads = new PipelineReadSource(mapper, listener -> {
            shots = new TestShotTap(listener);
            FramePipeline p = new FramePipeline(recognizer, pipelineConfig, shots);
            for (int i = 0; i < sources.size(); i++) {
                p.addSource(sources.get(i), cameras.get(i).lane());
            }
            return p;
        });
    }

    /**
     * Opens every configured camera. A camera that cannot be opened stops the start with its id
     * and the reason (all of them are reported at once); sources already opened are closed again.
     *
     * @param host what the cabinet and the time daemon know (clock state for the reads)
     */
    public static CameraRig open(AgentConfig config, DeviceClock clock, HealthProbe host) throws ConfigException {
        List<FrameSource> opened = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < config.cameras().size(); i++) {
            CameraConfig c = config.cameras().get(i);
            try {
                opened.add(FrameSources.open(c.id(), c.source(), c.replay(), 1000.0 / c.frameIntervalMillis(), clock));
            } catch (IOException | IllegalArgumentException e) {
                errors.add("cameras[" + i + "] (" + c.id() + "): " + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            closeAll(opened);
            throw new ConfigException(errors);
        }
        return new CameraRig(config, opened, host);
    }

    /**
     * A rig over sources the caller opened, one per {@code cameras[]} entry and in its order (the
     * demo's scheduled synthetic cameras); the rig owns and closes them.
     */
    public static CameraRig of(AgentConfig config, List<FrameSource> sources, HealthProbe host) {
        if (sources.size() != config.cameras().size()) {
            throw new IllegalArgumentException(sources.size() + " sources for " + config.cameras().size() + " cameras");
        }
        return new CameraRig(config, List.copyOf(sources), host);
    }

    /** Starts capture and recognition; every passage read goes to {@code agent.onRead}. */
    public void attachTo(EdgeAgent agent) {
        agent.attach(reads);
    }

    /**
     * The next frame any camera delivers, with what the recogniser read on it (commissioning).
     *
     * @throws TimeoutException no frame within {@code timeout}: no camera, not started, or camera down
     */
    public TestShotTap.TestShot testShot(Duration timeout) throws TimeoutException, InterruptedException {
        TestShotTap tap = shots;
        if (tap == null) {
            throw new TimeoutException(sources.isEmpty() ? "this gantry has no camera" : "capture has not started");
        }
        return tap.take(timeout);
    }

    /** Whether every camera is a recording that ends by itself (and there is at least one): a batch job. */
    public boolean finite() {
        return !sources.isEmpty() && sources.stream().allMatch(FrameSource::finite);
    }

    /** The frame pipeline's counters, or null before {@link #attachTo}. */
    public PipelineSnapshot snapshot() {
        FramePipeline p = reads.pipeline();
        return p == null ? null : p.snapshot();
    }

    /**
     * Waits until every source has ended (recordings; live cameras never end), every frame is
     * recognised and the open passages are emitted; false at the timeout.
     */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        FramePipeline p = reads.pipeline();
        return p == null || p.drain(timeout);
    }

    /**
     * Stops capture (closes the sources, so even live cameras end), lets queued frames finish and
     * emits the open passages, within {@code grace}; returns whether everything finished in time.
     */
    public boolean stop(Duration grace) throws InterruptedException {
        closeAll(sources);
        FramePipeline p = reads.pipeline();
        return p == null || p.drain(grace);
    }

    @Override
    public void close() {
        reads.close();
        closeAll(sources);
        recognizer.close();
    }

    // ---- HealthProbe: frame counters from the pipeline, the rest from the host

    @Override
    public long framesIn() {
        PipelineSnapshot s = snapshot();
        return s == null ? 0 : s.framesIn();
    }

    @Override
    public long framesDropped() {
        PipelineSnapshot s = snapshot();
        return s == null ? 0 : s.framesDropped() + s.framesStale();
    }

    /** Frames per second since the previous call (the heartbeat's period), not since start. */
    @Override
    public synchronized float framesPerSecond() {
        long now = System.nanoTime();
        long frames = framesIn();
        double seconds = (now - sampledAtNanos) / 1e9;
        if (seconds >= 0.5) {
            fps = (float) ((frames - sampledFrames) / seconds);
            sampledAtNanos = now;
            sampledFrames = frames;
        }
        return fps;
    }

    @Override
    public OptionalDouble temperatureC() {
        return host.temperatureC();
    }

    @Override
    public ClockSync clockSync() {
        return host.clockSync();
    }

    @Override
    public long clockOffsetMicros() {
        return host.clockOffsetMicros();
    }

    @Override
    public long clockErrorMicros() {
        return host.clockErrorMicros();
    }

    private static int clockError(HealthProbe host) {
        return (int) Math.min(Integer.MAX_VALUE, host.clockErrorMicros());
    }

    private static void closeAll(List<FrameSource> sources) {
        for (FrameSource s : sources) {
            try {
                s.close();
            } catch (Exception ignored) {
                // closing on the way out: nothing left to do with a source that fails to close
            }
        }
    }
}
