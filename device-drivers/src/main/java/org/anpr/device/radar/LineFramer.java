package org.anpr.device.radar;

import java.nio.charset.StandardCharsets;

/**
 * Cuts a byte stream into text lines. CR, LF and CRLF all end a line (empty lines are skipped);
 * memory is bounded by the line cap; lines with non-printable bytes are rejected whole.
 */
final class LineFramer {

    interface Sink {
        void line(String line);

        void bad(BadLine reason);
    }

    private final byte[] buf;
    private int len;
    private boolean overflowing;
    private boolean dirty; // the current line has a non-printable byte
    private boolean skipNext;

    LineFramer(int maxLineBytes, boolean discardFirstLine) {
        this.buf = new byte[maxLineBytes];
        this.skipNext = discardFirstLine;
    }

    void push(byte[] data, int n, Sink sink) {
        for (int i = 0; i < n; i++) {
            byte b = data[i];
            if (b == '\r' || b == '\n') {
                endOfLine(sink);
            } else if (overflowing) {
                continue; // dropping the rest of an overlong line
            } else if (len == buf.length) {
                overflowing = true;
            } else {
                if ((b < 0x20 && b != '\t') || b >= 0x7F) {
                    dirty = true;
                }
                buf[len++] = b;
            }
        }
    }

    /** End of stream: an unterminated tail is a partial line. */
    void finish(Sink sink) {
        if (len > 0 || overflowing) {
            reset();
            sink.bad(BadLine.PARTIAL);
        }
    }

    private void endOfLine(Sink sink) {
        if (len == 0 && !overflowing) {
            return; // empty line, or the LF of a CRLF
        }
        boolean skip = skipNext;
        skipNext = false;
        if (skip) {
            sink.bad(BadLine.PARTIAL);
        } else if (overflowing) {
            sink.bad(BadLine.OVERLONG);
        } else if (dirty) {
            sink.bad(BadLine.BINARY);
        } else {
            sink.line(new String(buf, 0, len, StandardCharsets.US_ASCII).trim());
        }
        reset();
    }

    private void reset() {
        len = 0;
        overflowing = false;
        dirty = false;
    }
}
