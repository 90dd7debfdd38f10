package org.anpr.edge.frames;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.anpr.edge.capture.Frame;
import org.anpr.ocr.PlateCandidate;
import org.anpr.ocr.RecognitionResult;

/**
 * A {@link PassageListener} in front of another that, on request, keeps the next recognised frame
 * as a commissioning test shot: the frame as JPEG and what the recogniser read on it. Frames are
 * only encoded when a shot was asked for, so the tap costs nothing otherwise.
 */
public final class TestShotTap implements PassageListener {
    /** A test shot: the whole frame as JPEG, the candidates read on it, its capture time. */
    public record TestShot(String cameraId, byte[] jpeg, List<PlateCandidate> candidates, long captureMicros) {
    }

    private final PassageListener next;
    private final AtomicReference<CompletableFuture<TestShot>> wanted = new AtomicReference<>();

    public TestShotTap(PassageListener next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    /**
     * The next frame any camera delivers, recognised, within {@code timeout}.
     *
     * @throws TimeoutException no frame arrived in time (camera down, or no camera)
     */
    public TestShot take(Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<TestShot> f = new CompletableFuture<>();
        CompletableFuture<TestShot> shared = wanted.compareAndExchange(null, f);
        CompletableFuture<TestShot> mine = shared == null ? f : shared; // concurrent requests share one shot
        try {
            return mine.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("test shot failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            wanted.compareAndSet(mine, null);
        }
    }

    @Override
    public void onPassage(PassageEvidence passage) {
        next.onPassage(passage);
    }

    @Override
    public void onFrame(Frame frame, boolean triggered, RecognitionResult result) {
        next.onFrame(frame, triggered, result);
        CompletableFuture<TestShot> f = wanted.getAndSet(null);
        if (f != null) {
            try {
                byte[] jpeg = frame.isEncoded() ? asJpeg(frame.encoded()) : PlateImages.fullFrame(frame.mat(), 90).jpeg();
                f.complete(new TestShot(frame.cameraId(), jpeg, result.candidates(), frame.captureMicros()));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        }
    }

    /** A camera's JPEG as it came; anything else (PNG from a folder) re-encoded. */
    private static byte[] asJpeg(byte[] encoded) {
        if (encoded.length > 2 && (encoded[0] & 0xFF) == 0xFF && (encoded[1] & 0xFF) == 0xD8) {
            return encoded;
        }
        try (org.bytedeco.opencv.opencv_core.Mat m = PlateImages.decode(encoded)) {
            if (m == null) {
                throw new IllegalStateException("the frame does not decode");
            }
            return PlateImages.fullFrame(m, 90).jpeg();
        }
    }
}
