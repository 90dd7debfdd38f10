package org.anpr.edge.capture;

/**
 * Counters of one frame source.
 *
 * @param frames     frames delivered
 * @param connects   successful (re)connections; 1 for files and folders
 * @param reconnects connection attempts after the first
 * @param stalls     connections given up because no frame came within the stall timeout
 * @param errors     failed connection attempts and broken streams (not counting stalls)
 * @param skipped    inputs skipped as unreadable (a folder file that is not an image, a corrupt part)
 */
public record SourceStats(long frames, long connects, long reconnects, long stalls, long errors, long skipped) {
}
