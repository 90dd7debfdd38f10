package org.anpr.edge.capture.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The multipart parser on hand-made streams, including the deviations cameras are known for. */
class MultipartMjpegReaderTest {

    private static MultipartMjpegReader reader(String stream, String boundary, int max) {
        return new MultipartMjpegReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.ISO_8859_1)), boundary, max);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void bareLfLinesBlankLinesAndBodiesThatLookLikeTheBoundary() throws IOException {
        String s = "\n\n--xx\nContent-Type: image/jpeg\n\nbody --xx inline\n-\n\n--xx\nContent-Type: image/jpeg\n\n"
                + "second\r\n--xx--\r\n";
        MultipartMjpegReader r = reader(s, "xx", 1024);
        assertEquals("body --xx inline\n-\n", text(r.nextPart()), "a delimiter counts only at a line start");
        assertEquals("second", text(r.nextPart()));
        assertNull(r.nextPart());
    }

    @Test
    void contentLengthIsHonouredAndBoundedByTheLimit() throws IOException {
        MultipartMjpegReader r = reader("--b\r\nContent-Length: 4\r\n\r\n--b\r\n\r\n--b\r\ncontent-length: 99\r\n\r\n", "--b", 50);
        assertArrayEquals("--b\r".getBytes(StandardCharsets.US_ASCII), r.nextPart(), "length wins over look-alikes");
        IOException e = assertThrows(IOException.class, r::nextPart);
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }

    @Test
    void truncatedPartAndMissingBoundaryAreErrorsOrEnd() {
        assertThrows(IOException.class, () -> reader("--b\r\nContent-Length: 10\r\n\r\nabc", "b", 50).nextPart());
        assertThrows(IOException.class, () -> reader("x\n".repeat(100), "b", 50).nextPart());
        assertEquals("frame", MjpegHttpConnection.boundaryOf("multipart/x-mixed-replace;boundary=\"frame\""));
        assertNull(MjpegHttpConnection.boundaryOf("image/jpeg"));
    }
}
