package org.anpr.edge.config;

import java.util.Objects;
import org.anpr.ocr.Region;

/**
 * How this gantry's cameras are read ({@code recognition:} in gantry.yaml).
 *
 * @param region  plate syntaxes to rank against: {@code eu} (default), {@code br} or {@code us}
 * @param workers recognition threads shared by all cameras; default: one per core
 */
public record RecognitionSettings(Region region, int workers) {
    public static final RecognitionSettings DEFAULTS =
            new RecognitionSettings(Region.EU, Runtime.getRuntime().availableProcessors());

    public RecognitionSettings {
        Objects.requireNonNull(region, "region");
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("workers: " + workers + " is outside 1..256");
        }
    }
}
