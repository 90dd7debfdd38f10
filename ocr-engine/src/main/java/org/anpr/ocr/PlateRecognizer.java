package org.anpr.ocr;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.anpr.ocr.image.FrameDecoder;
import org.anpr.ocr.neural.PlateReaderModel;
import org.anpr.ocr.syntax.SyntaxProfile;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Frame in, plate candidates out. Thread-safe: up to {@link RecognizerConfig#workerThreads()}
 * frames are recognised in parallel, each on its own pooled native context (its own Tesseract handles,
 * created on first demand); further callers wait for a free context. Every Mat made
 * while recognising a frame is released before the call returns; {@link #close()} releases the
 * Tesseract handles.
 *
 * <pre>{@code
 * try (PlateRecognizer r = new PlateRecognizer(RecognizerConfig.defaults())) {
 *     RecognitionResult res = r.recognize(Path.of("car.jpg"));
 *     res.best().ifPresent(c -> System.out.println(c.text() + " " + c.confidence()));
 * }
 * }</pre>
 */
public final class PlateRecognizer implements AutoCloseable {
    private final RecognizerConfig config;
    private final SyntaxProfile profile;
    private final PlateReaderModel neuralModel; // read once, shared by the contexts; null when off
    private final BlockingQueue<RecognitionPipeline> idle = new LinkedBlockingQueue<>();
    private int created;
    private volatile boolean closed;

    /**
     * Creates the first native context at once, so a missing model fails here.
     *
     * @throws IllegalStateException when a reader's model cannot be loaded
     */
    public PlateRecognizer(RecognizerConfig config) {
        this.config = config;
        this.profile = SyntaxProfile.load(config.region());
        this.neuralModel = RecognitionPipeline.neuralModel(config);
        idle.add(new RecognitionPipeline(config, profile, neuralModel));
        created = 1;
    }

    public RecognizerConfig config() {
        return config;
    }

    /** Recognises an 8-bit BGR, BGRA or grey frame; the caller keeps ownership of {@code frame}. */
    public RecognitionResult recognize(Mat frame) {
        return recognize(decoder -> decoder.accept(frame));
    }

    /** Recognises an encoded JPEG, PNG or BMP image. */
    public RecognitionResult recognize(byte[] encoded) {
        return recognize(decoder -> decoder.decode(encoded));
    }

    /** Recognises an image file. */
    public RecognitionResult recognize(Path file) {
        return recognize(decoder -> decoder.read(file));
    }

    /** Borrows a context, turns the input into a BGR Mat (timed as DECODE) and runs the stages. */
    private RecognitionResult recognize(Function<FrameDecoder, Mat> input) {
        RecognitionPipeline p = borrow();
        try (PointerScope scope = new PointerScope()) {
            StageTimings t = new StageTimings();
            long t0 = System.nanoTime();
            Mat bgr = input.apply(p.decoder);
            t.add(Stage.DECODE, System.nanoTime() - t0);
            return p.run(bgr, t);
        } finally {
            giveBack(p);
        }
    }

    private RecognitionPipeline borrow() {
        if (closed) {
            throw new IllegalStateException("recognizer closed");
        }
        RecognitionPipeline p = idle.poll();
        if (p != null) {
            return p;
        }
        synchronized (this) {
            if (created < config.workerThreads()) {
                created++;
                try {
                    return new RecognitionPipeline(config, profile, neuralModel);
                } catch (RuntimeException e) {
                    created--;
                    throw e;
                }
            }
        }
        try {
            while (true) { // poll, not take: a waiting caller must notice close()
                p = idle.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (p != null) {
                    return p;
                }
                if (closed) {
                    throw new IllegalStateException("recognizer closed");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a recognition context", e);
        }
    }

    private void giveBack(RecognitionPipeline p) {
        if (closed) {
            p.close();
        } else {
            idle.add(p);
            if (closed && idle.remove(p)) { // close() ran between the check and the add
                p.close();
            }
        }
    }

    /** Number of native contexts created so far (at most {@code workerThreads}). */
    public synchronized int contexts() {
        return created;
    }

    /** Releases every idle context now; contexts still in use are released when their call returns. */
    @Override
    public void close() {
        closed = true;
        RecognitionPipeline p;
        while ((p = idle.poll()) != null) {
            p.close();
        }
    }
}
