package org.anpr.ocr.eval;

/**
 * What the recognizer made of one labelled image.
 *
 * @param inTopN   the expected text is among the alternatives of any candidate
 * @param iou      best IoU of a candidate's box with the labelled box (0 if none)
 * @param error    why the image could not be read at all, or null
 */
public record ImageOutcome(String image, String expected, String read, boolean detected, double iou,
                           double ms, boolean inTopN, String error) {

    public boolean exact() {
        return expected.equals(read);
    }

    /** The image could not be read (not an image, corrupt, too large): no measure of recognition. */
    public boolean unreadable() {
        return error != null;
    }
}
