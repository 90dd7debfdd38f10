package org.anpr.ocr.eval;

import java.util.List;

/**
 * What the recognizer made of one labelled image.
 *
 * @param read       the best candidate's text, empty when nothing was read
 * @param confidence the best candidate's confidence (0 when nothing was read)
 * @param country    the country the syntax ranker gave the best candidate, empty when nothing was read
 * @param inTopN     the expected text is among the alternatives of any candidate
 * @param iou        best IoU of a candidate's box with the labelled box (0 if none)
 * @param error      why the image could not be read at all, or null
 * @param spurious   texts read where no plate is labelled (a road sign, a sticker): reads a gantry
 *                   would report that are no plate
 */
public record ImageOutcome(String image, String expected, String read, double confidence, String country,
                           boolean detected, double iou, double ms, boolean inTopN, String error, List<Read> spurious) {

    /** A text read where no plate is labelled, with its confidence. */
    public record Read(String text, double confidence) {
    }

    /** Without confidence, country or spurious reads (tests, and images that could not be read). */
    public ImageOutcome(String image, String expected, String read, boolean detected, double iou, double ms, boolean inTopN,
                        String error) {
        this(image, expected, read, read.isEmpty() ? 0 : 1, "", detected, iou, ms, inTopN, error, List.of());
    }

    public boolean exact() {
        return expected.equals(read);
    }

    /** The image could not be read (not an image, corrupt, too large): no measure of recognition. */
    public boolean unreadable() {
        return error != null;
    }
}
