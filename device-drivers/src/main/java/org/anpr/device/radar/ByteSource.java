package org.anpr.device.radar;

import java.io.IOException;

/** Where radar bytes come from: a serial port on the gantry, a recording in tests and replays. */
public interface ByteSource extends AutoCloseable {

    /**
     * Reads up to {@code buf.length} bytes, blocking at most a source-specific timeout.
     *
     * @return bytes read, 0 on timeout, -1 when the stream has ended
     */
    int read(byte[] buf) throws IOException;

    @Override
    void close() throws IOException;
}
