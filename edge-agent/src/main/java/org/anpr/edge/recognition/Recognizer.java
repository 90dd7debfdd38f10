package org.anpr.edge.recognition;

import java.util.List;

/** Port: one frame in, plate candidates out. Implemented later by an adapter over ocr-engine. */
public interface Recognizer {
    /**
     * @param cameraId     camera that took the frame
     * @param captureMicros capture time, UTC microseconds
     * @param encodedImage JPEG or PNG bytes
     */
    List<PlateCandidate> recognise(String cameraId, long captureMicros, byte[] encodedImage);
}
