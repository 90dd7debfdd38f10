package org.anpr.edge.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.replay.ImageFolderSource;
import org.anpr.edge.capture.stream.ReconnectingStreamSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A camera's {@code source} string picks the kind of source. */
class FrameSourcesTest {
    private static final DeviceClock CLOCK = DeviceClock.system();

    @Test
    void sourceStringsMapToTheirKind(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.jpg"), TestImages.jpeg(32, 32, 0));
        try (FrameSource s = FrameSources.open("c1", dir.toString(), CLOCK)) {
            assertInstanceOf(ImageFolderSource.class, s);
            assertEquals("c1", s.cameraId());
        }
        try (FrameSource s = FrameSources.open("c2", "http://10.0.0.9/mjpg/video.mjpg", CLOCK)) {
            assertInstanceOf(ReconnectingStreamSource.class, s); // connects lazily: nothing happens yet
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameSources.open("c3", dir.resolve("missing").toString(), CLOCK));
        assertTrue(e.getMessage().startsWith("source:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FrameSources.open("c4", "synthetic:x", CLOCK));
    }
}
