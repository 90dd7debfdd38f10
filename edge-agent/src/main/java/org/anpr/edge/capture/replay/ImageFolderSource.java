package org.anpr.edge.capture.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.Frame;
import org.anpr.edge.capture.SourceStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the images of a folder (JPEG, PNG, BMP; sorted by file name) as encoded frames, with
 * the capture times of {@link FolderTimestamps}. Files are read one at a time as they are due, so
 * a folder of any size needs no memory; a file that cannot be read is skipped and counted.
 * The recognizer validates and decodes the bytes (a corrupt image is rejected there, not here).
 */
public final class ImageFolderSource extends RecordedSource {
    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderSource.class);
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp");

    private final List<Path> files;
    private final FolderTimestamps timestamps;
    private int index;
    private volatile long frames; // one writer (the capture thread), read by stats()
    private volatile long skipped;
    private volatile boolean closed;

    /**
     * Lists the folder now.
     *
     * @param clock stamps the monotonic time of each frame as it is released
     * @throws IOException the folder does not exist or its sidecar is malformed
     */
    public ImageFolderSource(Path folder, ReplayConfig config, DeviceClock clock) throws IOException {
        super(config, clock);
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "not a folder of images");
        }
        this.timestamps = FolderTimestamps.load(folder);
        try (Stream<Path> s = Files.list(folder)) {
            this.files = s.filter(p -> EXTENSIONS.stream().anyMatch(e -> p.getFileName().toString()
                    .toLowerCase(Locale.ROOT).endsWith(e))).sorted().toList();
        }
    }

    /** Number of images found. */
    public int size() {
        return files.size();
    }

    @Override
    public Frame next() throws InterruptedException {
        while (!closed && index < files.size()) {
            Path file = files.get(index);
            long recorded = recordedMicros(file, index);
            index++;
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                skipped++;
                LOG.warn("{}: skipped {}: {}", config.cameraId(), file.getFileName(), e.getMessage());
                continue;
            }
            if (bytes.length == 0) {
                skipped++;
                continue;
            }
            pacer.await(recorded);
            return Frame.ofEncoded(config.cameraId(), frames++, recorded, clock.monotonicNanos(), bytes);
        }
        return null;
    }

    private long recordedMicros(Path file, int i) {
        Optional<Long> t = timestamps.of(file.getFileName().toString());
        return t.orElseGet(() -> config.startMicros() + Math.round(i * 1e6 / config.fallbackFps()));
    }

    @Override
    public SourceStats stats() {
        return new SourceStats(frames, 1, 0, 0, 0, skipped);
    }

    @Override
    public void close() {
        closed = true;
    }
}
