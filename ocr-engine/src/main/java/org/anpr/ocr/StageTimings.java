package org.anpr.ocr;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Wall-clock time spent per stage for one frame (stages run per region are summed). */
public final class StageTimings {
    private final EnumMap<Stage, Long> nanos = new EnumMap<>(Stage.class);

    /** Adds {@code elapsedNanos} to {@code stage}. */
    public void add(Stage stage, long elapsedNanos) {
        nanos.merge(stage, elapsedNanos, Long::sum);
    }

    public double millis(Stage stage) {
        return nanos.getOrDefault(stage, 0L) / 1e6;
    }

    public double totalMillis() {
        return nanos.values().stream().mapToLong(Long::longValue).sum() / 1e6;
    }

    public Map<Stage, Long> asNanos() {
        return Collections.unmodifiableMap(new EnumMap<>(nanos));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Stage s : Stage.values()) {
            if (nanos.containsKey(s)) {
                sb.append(sb.length() == 0 ? "" : " ").append(s.name().toLowerCase()).append('=')
                        .append(String.format("%.1fms", millis(s)));
            }
        }
        return sb.toString();
    }
}
