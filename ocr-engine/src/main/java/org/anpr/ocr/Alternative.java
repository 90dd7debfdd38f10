package org.anpr.ocr;

/**
 * One possible reading of a plate.
 *
 * @param text    normalised text (upper case A-Z and 0-9, no separators)
 * @param score   0-1, comparable between alternatives of the same frame
 * @param country country code of the syntax it matched ({@code "EU"}, {@code "US"} ... for the
 *                generic fallback)
 * @param format  name of the matched syntax, e.g. {@code NL-sidecode-7} (from the region's patterns
 *                file; what {@code PlateRead.plate_format} carries)
 */
public record Alternative(String text, double score, String country, String format) {
}
