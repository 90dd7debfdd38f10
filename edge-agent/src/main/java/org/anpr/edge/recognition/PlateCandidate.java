package org.anpr.edge.recognition;

/**
 * A plate the recogniser found in one frame (the agent's own type; an adapter maps ocr-engine's).
 *
 * @param text       normalised plate text
 * @param confidence 0..1
 * @param country    ISO 3166-1 alpha-2, or empty
 * @param format     syntax matched, or empty
 */
public record PlateCandidate(String text, float confidence, String country, String format) {
}
