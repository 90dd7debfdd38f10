package org.anpr.provision.profile;

import java.util.List;

/**
 * Which BCM GPIO pins (0..27 on the 40-pin header) the cabinet is wired to ({@code gpio:}); a pin
 * may serve only one purpose.
 *
 * @param loops inductive-loop inputs per lane
 * @param flash output triggering the IR illuminator / flash, or null
 * @param door  cabinet door contact input, or null
 * @param relay     roadside signal relay output, or null
 * @param loopbacks outputs wired back to inputs for the commissioning self-test
 */
public record GpioPinMap(List<LoopPins> loops, Integer flash, Integer door, Integer relay, List<Loopback> loopbacks) {
    public static final int MAX_BCM_PIN = 27;
    public static final GpioPinMap NONE = new GpioPinMap(List.of(), null, null, null, List.of());

    public GpioPinMap {
        loops = List.copyOf(loops);
        loopbacks = List.copyOf(loopbacks);
    }

    /** The BCM pin of a named output or input ({@code flash}, {@code relay}, {@code door}), or null. */
    public Integer pin(String role) {
        return switch (role) {
            case "flash" -> flash;
            case "relay" -> relay;
            case "door" -> door;
            default -> null;
        };
    }

    /**
     * An output wired back to an input ({@code gpio.loopbacks[]}), by the names in this map.
     *
     * @param drive    {@code flash} or {@code relay}
     * @param sense    {@code door}
     * @param inverted the input reads the opposite level
     */
    public record Loopback(String drive, String sense, boolean inverted) {
        /** How the self-test names it: {@code flash->door}. */
        public String name() {
            return drive + "->" + sense;
        }
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
