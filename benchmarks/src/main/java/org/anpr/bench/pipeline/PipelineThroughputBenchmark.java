package org.anpr.bench.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.Frame;
import org.anpr.edge.capture.FrameSource;
import org.anpr.edge.capture.Pacing;
import org.anpr.edge.capture.SourceStats;
import org.anpr.edge.capture.synthetic.SyntheticTrafficConfig;
import org.anpr.edge.capture.synthetic.SyntheticTrafficSource;
import org.anpr.edge.frames.FramePipeline;
import org.anpr.edge.frames.PipelineConfig;
import org.anpr.ocr.PlateRecognizer;
import org.anpr.ocr.RecognizerConfig;
import org.anpr.ocr.synth.SceneSpec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Frames per second that ONE recognition worker sustains on synthetic gantry traffic, i.e. the
 * per-core capacity that sizes a gantry controller ({@code workers} = cores):
 * <ul>
 *   <li>{@code recognize}: {@code PlateRecognizer.recognize(Mat)} alone, frame after frame;</li>
 *   <li>{@code pipeline}: the whole frame pipeline with one worker over a batch of frames: queue,
 *       recognition, plate crops (JPEG), reorder stage and per-passage aggregation.</li>
 * </ul>
 * Frames are rendered once in the setup (8 vehicles × 2 frames, the scene generator's defaults:
 * EU plates, perspective 0.3, JPEG 90 decoded to BGR), so rendering is not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class PipelineThroughputBenchmark {
    private static final int VEHICLES = 8;
    private static final int FRAMES_PER_VEHICLE = 2;
    private static final int BATCH = VEHICLES * FRAMES_PER_VEHICLE;

    @Param({"1280x720", "1920x1080"})
    public String size;

    private PlateRecognizer recognizer;
    private final List<Mat> frames = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws Exception {
        String[] wh = size.split("x");
        SceneSpec scene = SceneSpec.builder().size(Integer.parseInt(wh[0]), Integer.parseInt(wh[1])).seed(2026).build();
        SyntheticTrafficConfig traffic = SyntheticTrafficConfig.defaults("bench").withScene(scene)
                .withRate(25, FRAMES_PER_VEHICLE, 0).withVehicles(VEHICLES).withPacing(Pacing.AS_FAST_AS_POSSIBLE);
        try (SyntheticTrafficSource source = new SyntheticTrafficSource(traffic, DeviceClock.system())) {
            Frame f;
            while ((f = source.next()) != null) {
                frames.add(f.mat().clone());
                f.close();
            }
        }
        recognizer = new PlateRecognizer(RecognizerConfig.builder().workerThreads(1).build());
    }

    @TearDown
    public void tearDown() {
        recognizer.close();
        frames.forEach(Mat::close);
        frames.clear();
    }

    @Benchmark
    public int recognize() {
        Mat m = frames.get(next++ % frames.size());
        return recognizer.recognize(m).candidates().size();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long pipeline() throws InterruptedException {
        long[] reads = new long[1];
        try (FramePipeline p = new FramePipeline(recognizer, PipelineConfig.withWorkers(1).withQueueCapacity(BATCH),
                passage -> reads[0]++)) {
            p.addSource(new Replay(frames), 1).start();
            if (!p.drain(Duration.ofMinutes(5))) {
                throw new IllegalStateException("pipeline did not drain");
            }
        }
        return reads[0];
    }

    /** The pre-rendered frames once each, as fresh buffers like a camera delivers them. */
    private static final class Replay implements FrameSource {
        private final List<Mat> frames;
        private int i;

        Replay(List<Mat> frames) {
            this.frames = frames;
        }

        @Override
        public String cameraId() {
            return "bench";
        }

        @Override
        public Frame next() {
            if (i >= frames.size()) {
                return null;
            }
            long micros = 1_700_000_000_000_000L + i * 40_000L; // 25 fps
            Frame f = Frame.ofMat("bench", i, micros, micros * 1000, frames.get(i).clone());
            i++;
            return f;
        }

        @Override
        public SourceStats stats() {
            return new SourceStats(i, 1, 0, 0, 0, 0);
        }

        @Override
        public void close() {
        }
    }
}
