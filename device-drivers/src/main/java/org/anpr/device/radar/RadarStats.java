package org.anpr.device.radar;

import java.util.Map;

/** Counters of a radar stream. */
public record RadarStats(long readings, long infoLines, Map<BadLine, Long> badLines) {

    public RadarStats {
        badLines = Map.copyOf(badLines);
    }

    public long bad(BadLine reason) {
        return badLines.getOrDefault(reason, 0L);
    }

    public long badTotal() {
        return badLines.values().stream().mapToLong(Long::longValue).sum();
    }
}
