package org.anpr.edge.capture.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Parser of {@code multipart/x-mixed-replace} MJPEG streams as IP cameras send them. Per part:
 * skip to the boundary line, read the headers; with {@code Content-Length} read exactly that many
 * bytes, without it read up to the next boundary. Tolerates the usual deviations: boundary with or
 * without the leading {@code --} in the Content-Type, LF instead of CRLF, blank lines between parts.
 */
final class MultipartMjpegReader {
    private static final int MAX_LINE = 8 * 1024;
    private static final int MAX_HEADERS = 64;

    private final InputStream in;
    private final byte[] delimiter; // "--boundary"
    private final byte[] bodyEnd; // "\n--boundary": a delimiter only counts at the start of a line (RFC 2046)
    private final int[] fallback; // KMP failure function of bodyEnd
    private final int maxPartBytes;
    private boolean atPartStart; // the boundary line of the next part was consumed already

    /** @param boundary the boundary parameter of the Content-Type (with or without leading "--") */
    MultipartMjpegReader(InputStream in, String boundary, int maxPartBytes) {
        this.in = in;
        String b = boundary.startsWith("--") ? boundary.substring(2) : boundary;
        this.delimiter = ("--" + b).getBytes(StandardCharsets.US_ASCII);
        this.bodyEnd = ("\n--" + b).getBytes(StandardCharsets.US_ASCII);
        this.fallback = failure(bodyEnd);
        this.maxPartBytes = maxPartBytes;
    }

    private static int[] failure(byte[] p) {
        int[] f = new int[p.length + 1];
        f[0] = -1;
        for (int i = 1, k = -1; i <= p.length; i++) {
            while (k >= 0 && p[k] != p[i - 1]) {
                k = f[k];
            }
            f[i] = ++k;
        }
        return f;
    }

    /** The body of the next part, or null at the end of the stream. */
    byte[] nextPart() throws IOException {
        if (!atPartStart && !skipToBoundary()) {
            return null;
        }
        atPartStart = false;
        int length = -1;
        for (int n = 0; ; n++) {
            String line = readLine();
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                break;
            }
            if (n > MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " part headers");
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    length = Integer.parseInt(line.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    throw new IOException("bad Content-Length '" + line + "'");
                }
                if (length < 0 || length > maxPartBytes) {
                    throw new IOException("part of " + length + " bytes (limit " + maxPartBytes + ")");
                }
            }
        }
        if (length < 0) {
            return readToBoundary();
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("stream ended inside a part");
        }
        return body;
    }

    /** Reads up to the next delimiter line (which starts a new part) and strips the CRLF before it. */
    private byte[] readToBoundary() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            body.write(b);
            while (matched >= 0 && bodyEnd[matched] != (byte) b) {
                matched = fallback[matched];
            }
            matched++;
            if (matched == bodyEnd.length) {
                finishBoundaryLine();
                atPartStart = true;
                byte[] all = body.toByteArray();
                int end = all.length - bodyEnd.length;
                if (end > 0 && all[end - 1] == '\r') {
                    end--;
                }
                return java.util.Arrays.copyOf(all, end);
            }
            if (body.size() > maxPartBytes) {
                throw new IOException("part without Content-Length exceeds " + maxPartBytes + " bytes");
            }
        }
        return null; // the server closed the stream in the middle of a part
    }

    private boolean skipToBoundary() throws IOException {
        for (int n = 0; ; n++) {
            String line = readLine();
            if (line == null) {
                return false;
            }
            if (line.startsWith(new String(delimiter, StandardCharsets.US_ASCII))) {
                return true;
            }
            if (n > MAX_HEADERS + 4) {
                throw new IOException("no boundary '" + new String(delimiter, StandardCharsets.US_ASCII) + "' found");
            }
        }
    }

    private void finishBoundaryLine() throws IOException {
        readLine(); // "--" for the closing delimiter, or transport padding
    }

    /** One line without its CR/LF, or null at end of stream. */
    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new IOException("header line longer than " + MAX_LINE + " bytes");
            }
            sb.append((char) b);
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
