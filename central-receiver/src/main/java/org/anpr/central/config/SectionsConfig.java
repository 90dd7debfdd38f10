package org.anpr.central.config;

import java.time.Duration;
import java.util.List;

/**
 * The speed sections the centre routes passages for. Only a passage that a section's configured
 * entry gantry publishes, naming that section's configured exit, is routed; a violation is accepted
 * only from its section's exit, with an entry read from its section's entry. With no sections
 * configured (the default) no passage is routed and no violation accepted: each is quarantined.
 *
 * @param routes         the sections (default none)
 * @param maxHeldPerExit passages held for one exit gantry while it is away (default 200,000, some
 *                       two days of a busy motorway lane); more are quarantined and counted
 * @param maxHold        the longest a passage is held, whatever expiry its entry gantry gave it
 *                       (default 48 h)
 */
public record SectionsConfig(List<Route> routes, int maxHeldPerExit, Duration maxHold) {
    public static final SectionsConfig DEFAULTS = new SectionsConfig(List.of(), 200_000, Duration.ofHours(48));

    public SectionsConfig {
        routes = List.copyOf(routes);
    }

    /** One section: passages go from {@code entry} to {@code exit}. */
    public record Route(String id, String entry, String exit) {
    }

    public SectionsConfig withRoutes(List<Route> r) {
        return new SectionsConfig(r, maxHeldPerExit, maxHold);
    }

    public SectionsConfig withMaxHeldPerExit(int n) {
        return new SectionsConfig(routes, n, maxHold);
    }
}
