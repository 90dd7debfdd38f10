package org.anpr.edge.capture.stream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * Stall watchdog on a socket stream: the socket timeout catches a silent server, the deadline
 * catches one that trickles bytes but never completes a frame. {@link #restart()} after each frame.
 */
final class DeadlineInputStream extends FilterInputStream {
    private final long stallNanos;
    private long deadline;

    DeadlineInputStream(InputStream in, long stallNanos) {
        super(in);
        this.stallNanos = stallNanos;
        restart();
    }

    void restart() {
        deadline = System.nanoTime() + stallNanos;
    }

    @Override
    public int read() throws IOException {
        check();
        try {
            return super.read();
        } catch (SocketTimeoutException e) {
            throw new StallException("no data for " + stallNanos / 1_000_000 + " ms");
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        try {
            return super.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw new StallException("no data for " + stallNanos / 1_000_000 + " ms");
        }
    }

    private void check() throws StallException {
        if (System.nanoTime() - deadline > 0) {
            throw new StallException("no complete frame for " + stallNanos / 1_000_000 + " ms");
        }
    }
}
