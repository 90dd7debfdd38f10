package org.anpr.ocr.eval;

/**
 * What the recognizer made of one labelled image.
 *
 * @param inTopN   the expected text is among the alternatives of any candidate
 * @param iou      best IoU of a candidate's box with the labelled box (0 if none)
 * @param error    why the image could not be read at all, or null
 * @param spurious texts read where no plate is labelled (a road sign, a sticker): reads a gantry
 *                 would report that are no plate
 */
public record ImageOutcome(String image, String expected, String read, boolean detected, double iou,
                           double ms, boolean inTopN, String error, java.util.List<String> spurious) {

    /** Without spurious reads (tests, and images that could not be read). */
    public ImageOutcome(String image, String expected, String read, boolean detected, double iou, double ms, boolean inTopN,
                        String error) {
        this(image, expected, read, detected, iou, ms, inTopN, error, java.util.List.of());
    }

    public boolean exact() {
        return expected.equals(read);
    }

    /** The image could not be read (not an image, corrupt, too large): no measure of recognition. */
    public boolean unreadable() {
        return error != null;
    }
}
