package org.anpr.edge.capture.replay;

import org.anpr.device.time.DeviceClock;
import org.anpr.edge.capture.FrameSource;
import org.anpr.edge.capture.Pacer;

/** What the recorded sources (image folder, video file) share: their settings, clock and pacing. */
abstract class RecordedSource implements FrameSource {
    protected final ReplayConfig config;
    protected final DeviceClock clock;
    protected final Pacer pacer;

    RecordedSource(ReplayConfig config, DeviceClock clock) {
        this.config = config;
        this.clock = clock;
        this.pacer = new Pacer(config.pacing());
    }

    /** Replayed as fast as possible: nothing is live, so the pipeline waits instead of dropping. */
    @Override
    public boolean lossless() {
        return pacer.unpaced();
    }

    @Override
    public boolean finite() {
        return true;
    }

    @Override
    public String cameraId() {
        return config.cameraId();
    }
}
