package org.anpr.edge.capture;

import static org.bytedeco.opencv.global.opencv_videoio.CAP_OPENCV_MJPEG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.replay.ImageFolderSource;
import org.anpr.edge.capture.replay.ReplayConfig;
import org.anpr.edge.capture.replay.VideoFileSource;
import org.anpr.ocr.synth.Scene;
import org.anpr.ocr.synth.SceneGenerator;
import org.anpr.ocr.synth.SceneSpec;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_videoio.VideoWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image folders and video files, replayed in real time or as fast as possible. */
class ReplaySourcesTest {
    private static final DeviceClock CLOCK = DeviceClock.system();

    @Test
    void folderReplaysInNameOrderWithTimesFromTheNamesAndInRealTime(@TempDir Path dir) throws Exception {
        byte[] a = TestImages.jpeg(64, 48, 10);
        byte[] b = TestImages.jpeg(64, 48, 20);
        byte[] c = TestImages.jpeg(64, 48, 30);
        Files.write(dir.resolve("cam_20261122T081530000Z.jpg"), a);
        Files.write(dir.resolve("cam_20261122T081530150Z.jpg"), b);
        Files.write(dir.resolve("cam_20261122T081530300Z.jpg"), c);
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        long t0 = CaptureTime.micros(Instant.parse("2026-11-22T08:15:30Z"));
        try (ImageFolderSource s = new ImageFolderSource(dir, ReplayConfig.of("cam-1"), CLOCK)) {
            assertEquals(3, s.size());
            long start = System.nanoTime();
            Frame f1 = s.next();
            Frame f2 = s.next();
            Frame f3 = s.next();
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertNull(s.next());
            assertArrayEquals(a, f1.encoded());
            assertArrayEquals(c, f3.encoded());
            assertEquals(t0, f1.captureMicros());
            assertEquals(t0 + 150_000, f2.captureMicros());
            assertEquals("cam-1", f3.cameraId());
            assertEquals(2, f3.sequence());
            assertTrue(elapsedMs >= 280, "real-time pacing: 300 ms of recording took " + elapsedMs + " ms");
            assertEquals(3, s.stats().frames());
        }
    }

    @Test
    void folderWithoutTimesUsesFileOrderAtTheFallbackRateAsFastAsPossible(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 5; i++) {
            Files.write(dir.resolve("f" + i + ".png"), TestImages.jpeg(32, 32, i * 10)); // content sniffed later
        }
        ReplayConfig cfg = ReplayConfig.of("cam-2").withPacing(Pacing.AS_FAST_AS_POSSIBLE).withFallbackFps(20)
                .withStartMicros(1_000_000);
        try (ImageFolderSource s = new ImageFolderSource(dir, cfg, CLOCK)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(1_000_000 + i * 50_000L, s.next().captureMicros());
            }
            assertNull(s.next());
        }
    }

    @Test
    void missingFolderIsAnError(@TempDir Path dir) {
        assertThrows(IOException.class, () -> new ImageFolderSource(dir.resolve("nope"), ReplayConfig.of("c"), CLOCK));
    }

    @Test
    void mjpegAviWrittenWithVideoWriterIsReplayedFrameByFrame(@TempDir Path dir) throws Exception {
        Path avi = dir.resolve("pass.avi");
        SceneGenerator gen = new SceneGenerator();
        Scene scene = gen.render(SceneSpec.builder().size(640, 360).seed(7).build());
        try (Mat m = scene.toMat(); Size size = new Size(640, 360);
             VideoWriter w = new VideoWriter(avi.toString(), CAP_OPENCV_MJPEG, VideoWriter.fourcc((byte) 'M', (byte) 'J',
                     (byte) 'P', (byte) 'G'), 10, size, true)) {
            assertTrue(w.isOpened());
            for (int i = 0; i < 6; i++) {
                w.write(m);
            }
            w.release();
        }
        ReplayConfig cfg = ReplayConfig.of("cam-v").withPacing(Pacing.AS_FAST_AS_POSSIBLE).withStartMicros(5_000_000);
        try (VideoFileSource s = new VideoFileSource(avi, cfg, CLOCK)) {
            assertEquals(10.0, s.fps(), 0.01);
            int n = 0;
            Frame next;
            while ((next = s.next()) != null) {
                try (Frame f = next) {
                    assertFalse(f.isEncoded());
                    assertEquals(640, f.mat().cols());
                    assertEquals(360, f.mat().rows());
                    assertEquals(5_000_000 + n * 100_000L, f.captureMicros());
                }
                n++;
            }
            assertEquals(6, n);
        }
    }

    @Test
    void aFileThatIsNotAVideoIsRejectedWithAReason(@TempDir Path dir) throws IOException {
        Path bogus = Files.writeString(dir.resolve("x.avi"), "RIFF but not really");
        IOException e = assertThrows(IOException.class, () -> new VideoFileSource(bogus, ReplayConfig.of("c"), CLOCK));
        assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
    }
}
