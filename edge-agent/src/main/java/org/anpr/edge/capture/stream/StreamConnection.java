package org.anpr.edge.capture.stream;

import java.io.IOException;
import org.anpr.edge.capture.Frame;

/** One connection to a live stream; {@link ReconnectingStreamSource} makes a new one when it breaks. */
interface StreamConnection extends AutoCloseable {

    /**
     * Blocks for the next frame, stamped by {@code stamp}.
     *
     * @return null when the stream ended cleanly (server closed it)
     * @throws StallException no complete frame within the stall timeout
     * @throws IOException    the stream broke or carried garbage
     */
    Frame read(FrameStamper stamp) throws IOException;

    /** Closes the connection; may be called from another thread to unblock {@link #read}. */
    @Override
    void close();
}
