package org.anpr.ocr.aggregate;

import org.anpr.ocr.PlateCandidate;

/**
 * The one read of a vehicle passage.
 *
 * @param text       voted text
 * @param confidence combined confidence, 0-1
 * @param country    country of the best frame that reads the voted text (else of the best frame)
 * @param best       the most confident frame candidate (for the plate crop and position)
 * @param frames     number of frames that contributed
 */
public record PassageRead(String lane, String text, double confidence, String country, long firstSeenMillis,
                          long lastSeenMillis, int frames, PlateCandidate best) {
}
