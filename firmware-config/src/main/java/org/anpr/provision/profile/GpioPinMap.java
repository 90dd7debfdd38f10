package org.anpr.provision.profile;

import java.util.List;

/**
 * Which BCM GPIO pins (0..27 on the 40-pin header) the cabinet is wired to ({@code gpio:}); a pin
 * may serve only one purpose.
 *
 * @param loops inductive-loop inputs per lane
 * @param flash output triggering the IR illuminator / flash, or null
 * @param door  cabinet door contact input, or null
 * @param relay roadside signal relay output, or null
 */
public record GpioPinMap(List<LoopPins> loops, Integer flash, Integer door, Integer relay) {
    public static final int MAX_BCM_PIN = 27;
    public static final GpioPinMap NONE = new GpioPinMap(List.of(), null, null, null);

    public GpioPinMap {
        loops = List.copyOf(loops);
    }

    /**
     * The loops of one lane: a leading loop, and for spot speed a trailing one at a measured spacing.
     *
     * @param lane     lane the loops lie in
     * @param leading  BCM pin of the first loop a vehicle crosses
     * @param trailing BCM pin of the second loop, or null for a single (presence) loop
     * @param spacingM leading edge to leading edge, metres; required with {@code trailing}
     */
    public record LoopPins(int lane, int leading, Integer trailing, Double spacingM) {
    }
}
